// Sums Playwright JUnit files into the plain line CI reads: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function rootCounts(xml: string): Counts {
  const root = /<testsuites\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? 0);
  return { tests: attr('tests'), failures: attr('failures'), errors: attr('errors'), skipped: attr('skipped') };
}

const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
const missing: string[] = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    missing.push(file);
    continue;
  }
  const c = rootCounts(readFileSync(file, 'utf8'));
  total.tests += c.tests;
  total.failures += c.failures;
  total.errors += c.errors;
  total.skipped += c.skipped;
}
for (const file of missing) process.stderr.write(`count-results: no results at ${file} (that step did not run)\n`);
const failed = total.failures + total.errors;
const passed = total.tests - failed - total.skipped;
process.stdout.write(`${passed} passed, ${failed} failed, ${total.skipped} skipped\n`);
process.exitCode = missing.length > 0 ? 1 : 0;
