// A markdown table, the one way report.md and the docs' generated tables write
// it: a header row, a `|---|` rule, a row per entry.

/** `| a | b |`, `|---|---|`, then each row as `| … |`; the cells are already text. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
