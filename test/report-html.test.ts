// certificate.html in a real browser: Debian's chromium (installed by .ci/run), driven by Playwright.
import { test, expect, chromium } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCertificate, type Certificate } from '../suite/report/certificate/certificate.ts';
import type { Requirement } from '../contract/catalog.ts';
import { writeCertificate } from '../suite/report/certificate/report-files.ts';
import type { TestRecord } from '../suite/report/certificate/verdicts.ts';
import { VERDICTS } from '../suite/report/certificate/verdict-order.ts';

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
  expect(html, 'self-contained: no external asset').not.toMatch(
    /<(link|script|img)\b|url\(|https?:\/\/(?!sps\.example\.com)/i,
  );
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
        statement: tr.querySelectorAll('td')[3]?.textContent,
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
