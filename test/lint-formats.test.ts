// `lint` for CI and editors: findings placed at the MANIFEST line and column, hints for the usual
// mistakes, warnings for junk files, a folder linted as it would be zipped, --max-warnings, and the
// text, SARIF 2.1.0 and GitHub outputs; every docs link lands on an anchor of docs/rules.md.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGING_RULES, WARNING_RULES } from '../contract/plugin/rules.ts';
import { buildZip, type ZipFile } from '../generators/zip-bytes.ts';
import { lintFile } from '../commands/cli/lint-command.ts';
import { ruleAnchor } from '../commands/cli/lint-docs.ts';
import { rulesPage } from '../commands/cli/rules-page.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sps-conformance.js');
const MAIN = { name: 'main.py', content: 'class Plugin:\n    pass\n' };
const GOOD = 'name: SPS_good\ntype: aa\nversion: "1.0"\napi: 1.6\n';
let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sps-lint-formats-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function zipOf(files: ZipFile[]): Promise<string> {
  const file = join(dir, `p${counter++}.zip`);
  writeFileSync(file, await buildZip(files));
  return file;
}

function folderOf(files: { name: string; content: string | Buffer }[]): string {
  const root = join(dir, `folder${counter++}`);
  for (const f of files) {
    mkdirSync(dirname(join(root, f.name)), { recursive: true });
    writeFileSync(join(root, f.name), f.content);
  }
  return root;
}

function cli(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, 'lint', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

test('a MANIFEST rule is placed at its field: file!/MANIFEST:line:col, severity, rule, message, docs', async () => {
  const file = await zipOf([{ name: 'MANIFEST', content: 'type: aa\nname: bad-name\nversion: "1"\napi: 1.6\n' }, MAIN]);
  const { code, out } = cli([file]);
  expect(code).toBe(1);
  expect(out).toContain(
    `${file}!/MANIFEST:2:7: error [manifest.name-pattern] MANIFEST name should start with letter and continue with letter, digit or underscore`,
  );
  expect(out).toContain('  docs: docs/rules.md#manifest-name-pattern');
});

test('a YAML error is placed at the line PyYAML names; a missing field at the MANIFEST start', async () => {
  const broken = await lintFile(await zipOf([{ name: 'MANIFEST', content: 'name: x\n\tversion: 1\n' }, MAIN]), '7.x');
  expect(broken.findings.map((f) => [f.rule, f.line])).toEqual([['manifest.invalid-yaml', 2]]);
  const missing = await lintFile(
    await zipOf([{ name: 'MANIFEST', content: 'type: aa\nversion: "1"\napi: 1.6\n' }, MAIN]),
  );
  expect(missing.findings[0]).toMatchObject({ rule: 'manifest.missing-field:name', line: 1, column: 1 });
});

test('hints: a zipped folder, a main.py in a subfolder, a size in MB', async () => {
  const zipped = await lintFile(
    await zipOf([
      { name: 'myplugin/MANIFEST', content: GOOD },
      { name: 'myplugin/main.py', content: MAIN.content },
    ]),
  );
  expect(zipped.findings[0]).toMatchObject({ rule: 'manifest.missing' });
  expect(zipped.findings[0]!.hint).toContain('the zip holds the folder myplugin/ instead of its files');
  expect(zipped.findings[0]!.hint).toContain('cd myplugin && zip -r ../myplugin.zip .');

  const nested = await lintFile(
    await zipOf([
      { name: 'MANIFEST', content: GOOD },
      { name: 'src/main.py', content: MAIN.content },
    ]),
  );
  expect(nested.findings[0]).toMatchObject({
    rule: 'entry-point.missing',
    hint: 'src/main.py is not at the root: move it beside MANIFEST',
  });

  const big = await lintFile(
    await zipOf([
      { name: 'MANIFEST', content: GOOD },
      MAIN,
      { name: 'blob.bin', content: randomBytes(20.5 * 1024 * 1024), store: true },
    ]),
  );
  const size = big.findings.find((f) => f.rule === 'zip.too-large');
  expect(size?.message).toMatch(
    /^The zip file is 20\.5 MB \([\d,]+ bytes\); SPS accepts at most 20 MB \(20,971,520 bytes\)$/,
  );
});

test('junk files are warnings, one per kind; the plugin stays valid', async () => {
  const result = await lintFile(
    await zipOf([
      { name: 'MANIFEST', content: GOOD },
      MAIN,
      { name: '__MACOSX/._main.py', content: 'x' },
      { name: '.DS_Store', content: 'x' },
      { name: '__pycache__/main.cpython-311.pyc', content: 'x' },
    ]),
  );
  expect(result.valid).toBe(true);
  expect(result.findings.map((f) => [f.severity, f.rule])).toEqual([
    ['warning', 'package.junk-file'],
    ['warning', 'package.junk-file'],
  ]);
  expect(result.findings[0]!.message).toMatch(/^2 file\(s\) of macOS metadata/);
});

test('a folder is linted as it would be zipped: the same findings as its zip, placed in the real MANIFEST', async () => {
  const files = [
    { name: 'MANIFEST', content: 'name: SPS_folder\ntype: aa\nversion: 1.10\napi: 1.6\n' },
    MAIN,
    { name: 'lib/helper.pyc', content: 'x' },
  ];
  const folder = folderOf(files);
  const zip = await zipOf(files);
  const [fromFolder, fromZip] = [await lintFile(folder), await lintFile(zip)];
  expect(fromFolder.problems).toEqual(fromZip.problems);
  expect(fromFolder.warnings).toEqual(fromZip.warnings);
  expect(fromFolder.findings.map((f) => [f.rule, f.line, f.column])).toEqual(
    fromZip.findings.map((f) => [f.rule, f.line, f.column]),
  );
  expect(fromFolder.findings[0]).toMatchObject({ file: `${folder}/MANIFEST`, line: 3, column: 10 });
  const invalid = folderOf([{ name: 'myplugin/MANIFEST', content: GOOD }]);
  expect((await lintFile(invalid)).findings[0]!.hint).toBe('MANIFEST is in myplugin/: lint that folder instead');
});

test('--max-warnings: more warnings than allowed fail; --strict allows none', async () => {
  const file = await zipOf([{ name: 'MANIFEST', content: 'name: SPS_w\ntype: aa\nversion: 1.10\napi: 1\n' }, MAIN]);
  expect(cli([file]).code, 'warnings alone pass').toBe(0);
  expect(cli(['--max-warnings', '2', file]).code).toBe(0);
  const over = cli(['--max-warnings', '1', file]);
  expect(over.code).toBe(1);
  expect(over.out).toContain('2 warning(s)); --max-warnings 1');
  expect(cli(['--strict', file]).code).toBe(1);
});

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; help: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } };
      }[];
    }[];
  }[];
}

test('SARIF 2.1.0: the required properties, rule indexes that match, 1-based regions', async () => {
  const bad = await zipOf([{ name: 'MANIFEST', content: 'name: bad-name\ntype: aa\nversion: 1.10\napi: 1.6\n' }, MAIN]);
  const broken = join(dir, 'broken.zip');
  writeFileSync(broken, 'not a zip');
  const { code, out } = cli(['--format', 'sarif', bad, broken]);
  expect(code).toBe(1);
  const log = JSON.parse(out) as Sarif;
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  expect(run!.tool.driver.name).toBe('sps-conformance');
  expect(run!.results.map((r) => [r.ruleId, r.level])).toEqual([
    ['manifest.name-pattern', 'error'],
    ['manifest.read-as-other-type', 'warning'],
    ['zip.not-a-zip', 'error'],
  ]);
  for (const r of run!.results) {
    expect(run!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(r.message.text.length).toBeGreaterThan(0);
    const region = r.locations[0]!.physicalLocation.region;
    if (region) expect(Math.min(region.startLine, region.startColumn)).toBeGreaterThanOrEqual(1);
  }
  expect(run!.results[0]!.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: encodeURI(`${bad}!/MANIFEST`) },
    region: { startLine: 1, startColumn: 7 },
  });
  expect(run!.results[2]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: encodeURI(broken) } });
});

test('github: one workflow command per finding, properties and data escaped', async () => {
  const file = await zipOf([{ name: 'MANIFEST', content: 'name: bad-name\ntype: aa\nversion: "1"\napi: 1.6\n' }, MAIN]);
  const { code, out } = cli(['--format', 'github', file]);
  expect(code).toBe(1);
  const [line] = out.split('\n');
  expect(line).toMatch(
    new RegExp(
      `^::error file=${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!/MANIFEST,line=1,col=7,title=manifest.name-pattern::MANIFEST name should start`,
    ),
  );
  expect(line, 'the docs link is on the annotation, newline escaped').toContain(
    '%0Adocs: docs/rules.md#manifest-name-pattern',
  );
});

test('docs/rules.md is the generated page, with an anchor for every rule lint can report', () => {
  const page = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  expect(page, 'regenerate: npx tsx commands/cli/rules-page.ts > docs/rules.md').toBe(rulesPage());
  for (const rule of [...PACKAGING_RULES, ...WARNING_RULES])
    expect(page, rule).toContain(`<a id="${ruleAnchor(rule)}"></a>`);
  expect(page, 'no rule without a fix').not.toMatch(/- Fix: \n/);
});
