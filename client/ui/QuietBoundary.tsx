import { Component, type ReactNode } from 'react';

/**
 * Around a part of a page that is extra (a lazily loaded chunk below what the page is for): if it fails to load
 * or to render, it is left out and the page stays. Without it the error reaches the route's RouteError and the
 * page unmounts: on the report page the citizen would lose the receipt (issue #17 review).
 */
export class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
