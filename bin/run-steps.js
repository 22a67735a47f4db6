#!/usr/bin/env node
// `npm test`: runs each named npm script in order, every one even when an earlier one failed, prints
// each step's status and time, and exits non-zero when any step failed (an `a && b` chain would hide
// the later steps' results behind the first failure).
import { spawnSync } from 'node:child_process';

const steps = process.argv.slice(2);
const npm = process.env.npm_execpath;
const results = [];
for (const step of steps) {
  const started = Date.now();
  process.stdout.write(`\n== ${step}\n`);
  // Under npm, npm_execpath is npm's own CLI: run it with this node; otherwise npm from PATH.
  const run = npm
    ? spawnSync(process.execPath, [npm, 'run', step], { stdio: 'inherit' })
    : spawnSync('npm', ['run', step], { stdio: 'inherit' });
  const code = run.status ?? 1;
  results.push({ step, code, seconds: (Date.now() - started) / 1000 });
}
process.stdout.write('\nsteps:\n');
for (const r of results)
  process.stdout.write(
    `  ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`.padEnd(6)}  ${r.step.padEnd(12)} ${r.seconds.toFixed(0)} s\n`,
  );
const failed = results.filter((r) => r.code !== 0).map((r) => r.step);
process.stdout.write(
  failed.length ? `npm test: FAILED steps: ${failed.join(', ')}\n` : `npm test: all ${results.length} steps passed\n`,
);
process.exitCode = failed.length ? 1 : 0;
