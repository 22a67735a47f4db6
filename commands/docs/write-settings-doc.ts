// Rewrites `.env.example` and README's settings table from suite/target/setting-table.ts:
// `npx tsx commands/docs/write-settings-doc.ts` after changing a setting.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envExample, readmeWithTable } from '../../suite/target/settings-doc.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
writeFileSync(`${ROOT}.env.example`, envExample());
const readme = readmeWithTable(readFileSync(`${ROOT}README.md`, 'utf8'));
if (readme === undefined) {
  process.stderr.write('README.md has no settings table markers (see suite/target/settings-doc.ts)\n');
  process.exitCode = 1;
} else writeFileSync(`${ROOT}README.md`, readme);
