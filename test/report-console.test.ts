// The console summary a run ends with: every output as an absolute path, the show-report hint last,
// colour only on a terminal and never with NO_COLOR.
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { buildCertificate } from '../suite/report/certificate/certificate.ts';
import { writeCertificate } from '../suite/report/certificate/report-files.ts';
import { colourWanted, consoleSummary } from '../suite/report/reporter/console-summary.ts';
import { sampleFacts } from './report-sample-facts.ts';

function sample() {
  return buildCertificate({
    catalog: [{ id: 'A-1', area: 'a', statement: 's', source: 'seeds/001', basis: 'documented', profiles: ['all'] }],
    records: [{ title: 't', file: 'f', requirementIds: ['A-1'], outcome: 'failed', message: 'boom' }],
    facts: [sampleFacts()],
    setupFailed: false,
    suiteHash: { algorithm: 'sha256', covers: ['lib'], files: 1, value: 'c'.repeat(64) },
  });
}

test('the summary ends with every output as an absolute path and the show-report hint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-console-'));
  const certificate = sample();
  writeCertificate(dir, certificate);
  mkdirSync(join(dir, 'html'));
  mkdirSync(join(dir, 'repro'));
  writeFileSync(join(dir, 'junit.xml'), '<testsuites/>');
  // Given relative, as SPS_REPORT_DIR usually is: printed absolute.
  const text = consoleSummary(relative(process.cwd(), dir), certificate);
  const tail = text.trimEnd().split('\n').slice(-7);
  const paths = tail.slice(0, 6).map((l) => l.slice(l.indexOf(': ') + 2));
  expect(paths).toEqual(
    ['certificate.json', 'certificate.md', 'certificate.html', 'repro', 'junit.xml', 'html'].map((f) => join(dir, f)),
  );
  expect(paths.every(isAbsolute)).toBe(true);
  expect(tail[6]).toBe(`Open the HTML report with: npx playwright show-report ${join(dir, 'html')}`);
  expect(text, 'no colour unless asked').not.toContain('\u001b');
});

test('outputs that were not written are not listed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sps-console-'));
  const certificate = sample();
  writeCertificate(dir, certificate);
  const text = consoleSummary(dir, certificate);
  expect(text).not.toContain('JUnit:');
  expect(text).not.toContain('show-report');
});

test('colour: on a terminal unless NO_COLOR; FORCE_COLOR=0 turns it off; never in a pipe by default', () => {
  expect(colourWanted({}, true)).toBe(true);
  expect(colourWanted({}, false)).toBe(false);
  expect(colourWanted({ NO_COLOR: '1' }, true)).toBe(false);
  expect(colourWanted({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
  expect(colourWanted({ FORCE_COLOR: '1' }, false), 'FORCE_COLOR=1 does not colour a pipe').toBe(false);
  expect(colourWanted({ FORCE_COLOR: '0' }, true)).toBe(false);
  const coloured = consoleSummary(mkdtempSync(join(tmpdir(), 'sps-console-')), sample(), { colour: true });
  expect(coloured).toContain('\u001b[31m1 FAIL\u001b[39m');
});
