// `.env.example` and README's settings table, generated from the one list of settings (setting-table.ts).
import { SETTING_GROUPS } from './setting-table.ts';

export const README_TABLE_BEGIN = '<!-- settings table: generated from suite/target/setting-table.ts -->';
export const README_TABLE_END = '<!-- end of settings table -->';

const documented = SETTING_GROUPS.map((g) => ({ ...g, rows: g.rows.filter((r) => !r.internal) })).filter(
  (g) => g.rows.length > 0,
);

/** Markdown code spans read as plain text in a comment. */
const plain = (text: string) => text.replaceAll('`', '');

export function envExample(): string {
  const head = [
    '# sps-conformance settings. Copy to .env and edit; variables already set in the environment win.',
    '# Generated from suite/target/setting-table.ts (the only list of them): edit that and run',
    '# `npx tsx commands/docs/write-settings-doc.ts`.',
  ];
  const groups = documented.map((g) =>
    [
      `# == ${g.title}`,
      ...g.rows.flatMap((r) => ['', `# ${plain(r.doc)} Default: ${plain(r.default)}.`, `# ${r.env}=${r.example}`]),
    ].join('\n'),
  );
  return `${[head.join('\n'), ...groups].join('\n\n')}\n`;
}

export function readmeTable(): string {
  const rows = documented.flatMap((g) => g.rows.map((r) => `| \`${r.env}\` | ${r.doc} | ${r.default} |`));
  return [README_TABLE_BEGIN, '| variable | meaning | default |', '|---|---|---|', ...rows, README_TABLE_END].join(
    '\n',
  );
}

/** README with its settings table replaced by the generated one; undefined when the markers are missing. */
export function readmeWithTable(readme: string): string | undefined {
  const begin = readme.indexOf(README_TABLE_BEGIN);
  const end = readme.indexOf(README_TABLE_END);
  if (begin < 0 || end < begin) return undefined;
  return `${readme.slice(0, begin)}${readmeTable()}${readme.slice(end + README_TABLE_END.length)}`;
}
