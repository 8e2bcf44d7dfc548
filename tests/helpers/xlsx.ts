import type ExcelJS from 'exceljs';

/**
 * A worksheet of the periodic report as rows keyed by its header: the title lines and the blank line after them
 * are skipped, the header is the row after the blank one.
 */
export function sheetRows(sheet: ExcelJS.Worksheet | undefined): Record<string, unknown>[] {
  let at = 1;
  while (at < 10 && (sheet?.getRow(at).cellCount ?? 0) > 0) at += 1;
  const header = (sheet?.getRow(at + 1).values as unknown[]).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet?.eachRow((row, n) => {
    if (n <= at + 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]]).slice(1)));
  });
  return rows;
}
