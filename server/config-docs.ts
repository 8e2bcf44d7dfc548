import type { z } from 'zod';
import { settingDocs, settingSchemas } from './config';

/** README.md's configuration table sits between these lines; `npm run config:docs` rewrites it. */
export const CONFIG_TABLE_START = '<!-- config:start -->';
export const CONFIG_TABLE_END = '<!-- config:end -->';

/** What a setting is when unset, read from its schema: the default it parses to. */
function defaultOf(name: string, schema: z.ZodType): string {
  const shown = settingDocs.get(schema)?.shownDefault;
  if (shown !== undefined) return shown;
  const parsed = schema.safeParse(undefined);
  const value = parsed.success ? parsed.data : undefined;
  if (value === undefined) return 'unset';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string' || typeof value === 'number') return `\`${value}\``;
  throw new Error(`${name}: give its default a shownDefault; ${typeof value} cannot be shown as is`);
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown table of every setting, one row per variable, in the order server/config.ts declares them. */
export function configTable(): string {
  const rows = Object.entries(settingSchemas).map(([name, schema]) => {
    const doc = settingDocs.get(schema);
    if (!doc) throw new Error(`${name}: declared without setting() in server/config.ts`);
    const meaning = doc.secret
      ? `${doc.description.replace(/\.?$/, '.')} A configuration error never prints its value.`
      : doc.description;
    return `| \`${name}\` | ${cell(defaultOf(name, schema))} | ${cell(meaning)} |`;
  });
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its configuration table replaced by the generated one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(CONFIG_TABLE_START);
  const end = readme.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md needs the lines ${CONFIG_TABLE_START} and ${CONFIG_TABLE_END}`);
  return `${readme.slice(0, start + CONFIG_TABLE_START.length)}\n${configTable()}\n${readme.slice(end)}`;
}
