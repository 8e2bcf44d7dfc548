import { Fragment, isValidElement } from 'react';

/**
 * recharts imports `isFragment` from its peer dependency react-is, which package.json does not
 * list (so it is not installed); vite.config.mts points `react-is` here. The same test as
 * react-is 19: a React element whose type is Fragment. Drop this once react-is is a dependency.
 */
export function isFragment(node: unknown): boolean {
  return isValidElement(node) && node.type === Fragment;
}
