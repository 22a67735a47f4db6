// certificate.html in a real browser: Debian's chromium (installed by .ci/run), driven by Playwright.
// Also a failing run's page, the way a QA lead reads it: it fits the window (no horizontal scroll, ids
// on one line), no ANSI escapes, each FAIL links its repro bundle, each requirement its source.
import { test, expect, chromium, type Browser } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCertificate, type Certificate } from '../suite/report/certificate/certificate.ts';
import { appliesTo, loadCatalog, type Requirement } from '../contract/catalog.ts';
import { writeCertificate } from '../suite/report/certificate/report-files.ts';
import type { TestRecord } from '../suite/report/certificate/verdicts.ts';
import { VERDICTS } from '../suite/report/certificate/verdict-order.ts';
import { sampleFacts } from './report-sample-facts.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const req = (id: string, area: string, statement = `${id} holds`): Requirement => ({
  id,
  area,
  statement,
  source: 'seed',
  basis: 'documented',
  profiles: ['all'],
});
const rec = (ids: string[], outcome: TestRecord['outcome'], message?: string): TestRecord => ({
  title: `t ${ids[0]}`,
  file: 'specs/x.spec.ts',
  requirementIds: ids,
  outcome,
  ...(message ? { message } : {}),
});

function writeSample(): { dir: string; certificate: Certificate } {
  const catalog = [
    req('AUTH-1', 'authentication'),
    req('AUTH-2', 'authentication', 'A <b>bold</b> claim & "quotes"'),
    req('PLUG-1', 'plugins'),
    req('PLUG-2', 'plugins'),
    req('PLUG-3', 'plugins'),
  ];
  const records = [
    rec(['AUTH-1'], 'passed'),
    rec(['AUTH-2'], 'failed', '<script>alert(1)</script>'),
    rec(['PLUG-1'], 'error', 'ECONNRESET'),
    rec(['PLUG-2'], 'skipped', 'writes are off'),
  ];
  const certificate = buildCertificate({
    catalog,
    records,
    facts: [
      {
        shard: null,
        runId: 'spschtml',
        profile: '7.x',
        seed: 1,
        fcRuns: 5,
        settings: { password: '<redacted>' },
        target: {
          url: 'https://sps.example.com',
          embedded: false,
          version: '7.4.1',
          reported: { firmware_version: '7.4.1' },
        },
        playwrightStatus: 'failed',
        targetBroke: null,
        safety: null,
      },
    ],
    setupFailed: false,
    suiteHash: { algorithm: 'sha256', covers: ['lib'], files: 1, value: 'c'.repeat(64) },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sps-html-'));
  writeCertificate(dir, certificate);
  return { dir, certificate };
}

test('certificate.html in chromium shows the verdicts, totals and run status of certificate.json', async () => {
  expect(
    existsSync(CHROMIUM),
    `${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does)`,
  ).toBe(true);
  const { dir } = writeSample();
  const json = JSON.parse(readFileSync(join(dir, 'certificate.json'), 'utf8')) as Certificate;
  const html = readFileSync(join(dir, 'certificate.html'), 'utf8');
  expect(html, 'self-contained: no external asset').not.toMatch(/<(link|script|img|iframe)\b|url\(|\ssrc=/i);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'certificate.html')).href);
    const rows = await page.locator('#verdicts tr[data-requirement]').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-requirement'),
        verdict: tr.querySelectorAll('td')[2]?.textContent,
        statement: tr.querySelectorAll('td')[3]?.querySelector('.statement')?.textContent,
      })),
    );
    expect(rows).toEqual(json.requirements.map((r) => ({ id: r.id, verdict: r.verdict, statement: r.statement })));
    for (const verdict of VERDICTS) {
      await expect(page.locator(`#totals [data-verdict="${verdict}"]`)).toHaveText(String(json.totals[verdict]));
    }
    await expect(page.locator('#run-status')).toHaveText(json.run.status);
    expect(json.score.value, 'the sample has evidenced requirements to score').not.toBeNull();
    await expect(page.locator('#score')).toHaveText(`${(json.score.value! * 100).toFixed(1)} %`);
    // Columns: area, then one per verdict in VERDICTS order (PASS, FAIL, WARN, ERROR, …): the plugins' one ERROR.
    await expect(page.locator('[data-area="plugins"] td').nth(1 + VERDICTS.indexOf('ERROR'))).toHaveText('1');
    expect(
      await page.evaluate(() => document.querySelectorAll('script').length),
      'a message was escaped, not run',
    ).toBe(0);
    expect(
      requests.filter((u) => !u.startsWith('file:')),
      'no request leaves the page',
    ).toEqual([]);
  } finally {
    await browser.close();
  }
});

/** A failing run over the real catalog: long ids and statements, ANSI in messages, skips beside passes. */
function writeFailingRun(): { dir: string; certificate: Certificate } {
  const catalog = loadCatalog().filter((r) => appliesTo(r, '7.x'));
  const ansi = '\u001b[31mexpect(received).toBe(expected)\u001b[39m // Object.is equality: Expected: 400 Received: 500';
  const long = `response body ${'x'.repeat(300)} /api/configuration/plugins/aa/${'a'.repeat(120)}`;
  const records: TestRecord[] = catalog.map((r, i) => {
    const base = { title: `${r.area} › a test of ${r.id}`, file: 'specs/x.spec.ts', requirementIds: [r.id] };
    if (i % 5 === 0)
      return {
        ...base,
        outcome: 'failed',
        message: i % 10 === 0 ? ansi : long,
        violated: [r.id],
        repro: `repro/${r.id.toLowerCase()}-0000abcd`,
        report: 'html/index.html#?testId=abc123',
      };
    if (i % 7 === 0) return { ...base, outcome: 'skipped', message: 'writes are off (SPS_ALLOW_WRITES=false)' };
    return { ...base, outcome: 'passed' };
  });
  // A requirement with a passing and a skipped test: its PASS must not show the skip reason.
  const both = catalog[1]!;
  records.push({
    title: 'a skipped sibling',
    file: 'specs/x.spec.ts',
    requirementIds: [both.id],
    outcome: 'skipped',
    message: 'an unrelated skip reason',
  });
  const certificate = buildCertificate({
    catalog,
    records,
    facts: [sampleFacts()],
    setupFailed: false,
    suiteHash: { algorithm: 'sha256', covers: ['lib'], files: 1, value: 'c'.repeat(64) },
  });
  const dir = mkdtempSync(join(tmpdir(), 'sps-html-failing-'));
  writeCertificate(dir, certificate);
  return { dir, certificate };
}

/** The width of a PNG, from its IHDR chunk. */
const pngWidth = (png: Buffer) => png.readUInt32BE(16);

async function checkLayout(browser: Browser, file: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(pathToFileURL(file).href);
  const overflow = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(overflow.scroll, `no horizontal scroll at ${width}px`).toBeLessThanOrEqual(overflow.client);
  const wrappedIds = await page
    .locator('td.id code')
    .evaluateAll((codes) => codes.filter((c) => c.getClientRects().length !== 1).map((c) => c.textContent));
  expect(wrappedIds, `every id on one line at ${width}px`).toEqual([]);
  const shot = await page.screenshot({ fullPage: true });
  await test.info().attach(`certificate-${width}px.png`, { body: shot, contentType: 'image/png' });
  expect(pngWidth(shot), `the full-page screenshot is no wider than the ${width}px window`).toBe(width);
  await page.close();
}

test('a failing run: the page fits, ids stay whole, no ANSI, FAILs link their repro, sources link out', async () => {
  const { dir, certificate } = writeFailingRun();
  const html = readFileSync(join(dir, 'certificate.html'), 'utf8');
  const md = readFileSync(join(dir, 'certificate.md'), 'utf8');
  for (const [name, text] of [
    ['html', html],
    ['md', md],
  ] as const) {
    expect(text, `${name}: no escape character`).not.toContain('\u001b');
    expect(text, `${name}: no leftover SGR codes`).not.toMatch(/\[3\d?m|\\x1b/);
  }
  expect(md).toContain('[repro bundle](repro/');
  expect(md, 'the PASS with a skipped sibling').not.toContain('an unrelated skip reason');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    await checkLayout(browser, join(dir, 'certificate.html'), 1280);
    await checkLayout(browser, join(dir, 'certificate.html'), 900);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'certificate.html')).href);
    for (const r of certificate.requirements.filter((x) => x.verdict === 'FAIL')) {
      const row = page.locator(`#verdicts tr[data-requirement="${r.id}"]`);
      await expect(row.locator('a', { hasText: 'repro bundle' })).toHaveAttribute(
        'href',
        `${r.tests[0]!.repro}/repro.json`,
      );
      await expect(row.locator('a', { hasText: 'Playwright report' })).toHaveAttribute('href', /^html\/index\.html#/);
    }
    const passWithSkip = certificate.requirements[1]!;
    expect(passWithSkip.verdict).toBe('PASS');
    await expect(page.locator(`#verdicts tr[data-requirement="${passWithSkip.id}"] td`).nth(4)).toHaveText(
      '1 test(s) passed, 1 skipped',
    );
    const sources = await page.locator('#verdicts tr[data-requirement]').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-requirement'),
        links: [...tr.querySelectorAll('.src a')].map((a) => a.getAttribute('href') ?? ''),
        shipped: tr.querySelectorAll('.src code').length,
      })),
    );
    expect(
      sources.filter((s) => s.links.length + s.shipped === 0).map((s) => s.id),
      'every requirement names a document a reader can open',
    ).toEqual([]);
    const hrefs = sources.flatMap((s) => s.links);
    expect(
      hrefs.filter((h) => !h.startsWith('https://')),
      'sources are public URLs, never a path of this machine',
    ).toEqual([]);
  } finally {
    await browser.close();
  }
});
