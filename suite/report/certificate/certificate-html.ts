// certificate.html: one self-contained page (inline CSS, no scripts, no external assets), so it can be
// mailed or archived and still open. Every value is HTML-escaped. Rows carry data-requirement and
// data-verdict so a browser test can check the page says what certificate.json says. The layout fits
// the page: long text wraps anywhere, requirement ids never (test/report-html.test.ts checks both in
// Chromium). Links are relative to the report dir (repro bundles, traces) or public URLs (sources).
import { stripVTControlCharacters } from 'node:util';
import { documentsCitedBy } from '../../../contract/sources.ts';
import { printableLines } from '../terminal-text.ts';
import type { Certificate } from './certificate.ts';
import { verdictReasons, type ReasonLine } from './verdict-reason.ts';
import { costHtml } from './certificate-cost.ts';
import { VERDICTS } from './verdict-order.ts';
import type { RequirementVerdict } from './verdicts.ts';

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:80rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
td.id,th.id,td.area{white-space:nowrap;overflow-wrap:normal;width:1%}td.v{width:1%}.src{color:#555;font-size:.9em;margin-top:.25rem}
ul.why{margin:0;padding-left:1.1rem}a{color:#0b57d0}
th{background:#f2f2f2}td.n{text-align:right}
.v{font-weight:600;white-space:nowrap}.PASS{color:#116329}.FAIL{color:#b3261e}.ERROR{color:#8a4b00}
.WARN{color:#8a6d00}.SKIPPED{color:#555}.NOT-TESTED{color:#555;font-style:italic}
.status-COMPLETE{color:#116329}.status-INVALID{color:#b3261e}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
code{font-size:.85em}dd code{overflow-wrap:anywhere}
`;

function esc(value: unknown): string {
  // ANSI escape sequences are dropped (a page is not a terminal); any other control character is shown
  // as \xHH, never written raw.
  return printableLines(stripVTControlCharacters(String(value)))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function facts(c: Certificate): string {
  const rows: [string, string][] = [
    [
      'Run status',
      `<span id="run-status" class="v status-${esc(c.run.status)}">${esc(c.run.status)}</span>${c.run.reasons.map((r) => `<br>${esc(r)}`).join('')}`,
    ],
    [
      'Score',
      `<span id="score">${c.score.value === null ? 'n/a' : `${esc((c.score.value * 100).toFixed(1))} %`}</span> — ${esc(c.score.passed)} PASS of ${esc(c.score.applicable)} applicable (${esc(c.score.definition)})`,
    ],
    [
      'Target',
      `${esc(c.target.url)}${c.target.embedded ? ' (embedded emulator)' : ''}${c.target.version ? `, firmware ${esc(c.target.version)}` : ''}`,
    ],
    ['Profile', `${esc(c.profile)} (${esc(c.profileSource)})`],
    ['Mode', `<span id="mode">${esc(c.mode)}</span>`],
    [
      'Inferred',
      `<span id="inferred">${esc(c.score.inferred.passed)} PASS, ${esc(c.score.inferred.warned)} WARN, ${esc(c.score.inferred.failed)} FAIL of ${esc(c.score.inferred.applicable)}</span>`,
    ],
    [
      'Expectations',
      c.expectations ? `${esc(c.expectations.file)} <code>${esc(c.expectations.sha256)}</code>` : 'none',
    ],
    ['Seed / FC_RUNS', `${esc(c.seed)} / ${esc(c.fcRuns)}`],
    ['Run id / shards', `${esc(c.run.id)} / ${esc(c.run.shards)}`],
    [
      'Suite',
      `${esc(c.suite.name)} ${esc(c.suite.version)}, content hash <code>${esc(c.suite.contentHash.value)}</code> (${esc(c.suite.contentHash.files)} files)`,
    ],
    [
      'Inventory safety',
      c.safety === null
        ? 'not checked'
        : c.safety.clean
          ? 'clean'
          : `NOT CLEAN: ${esc([...c.safety.leftovers, ...c.safety.changed].join(', '))}`,
    ],
    ['Generated', esc(c.generatedAt)],
    ['Integrity', `${esc(c.integrity.algorithm)} <code>${esc(c.integrity.value)}</code>`],
    ...c.run.notes.map((n): [string, string] => ['Note', esc(n)]),
  ];
  return `<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function areas(c: Certificate): string {
  const head = `<tr><th>area</th>${VERDICTS.map((v) => `<th>${v}</th>`).join('')}</tr>`;
  const rows = c.areas.map(
    (a) =>
      `<tr data-area="${esc(a.area)}"><td>${esc(a.area)}</td>${VERDICTS.map((v) => `<td class="n">${a.totals[v]}</td>`).join('')}</tr>`,
  );
  const all = `<tr id="totals"><th>all</th>${VERDICTS.map((v) => `<th class="n" data-verdict="${v}">${c.totals[v]}</th>`).join('')}</tr>`;
  return `<table id="areas">${head}${rows.join('')}${all}</table>`;
}

function warnings(c: Certificate): string {
  const rows = c.requirements
    .filter((r) => r.verdict === 'WARN')
    .flatMap((r) =>
      (r.warnings ?? []).map(
        (w) =>
          `<tr data-warn="${esc(r.id)}"><td class="id"><code>${esc(r.id)}</code></td><td>${esc(w.where)}</td><td>${esc(w.expected)}</td><td>${esc(w.actual)}</td></tr>`,
      ),
    );
  if (rows.length === 0) return '';
  return `<h2>WARN: inferred requirements this target does not meet</h2><table id="warnings"><tr><th class="id">id</th><th>where</th><th>expected</th><th>actual</th></tr>${rows.join('')}</table>`;
}

function link(href: string, text: string): string {
  return `<a href="${esc(href)}">${esc(text)}</a>`;
}

/** Links a FAIL reader follows: the repro bundle, the trace, the test in Playwright's HTML report. */
function reasonLinks(line: ReasonLine): string {
  const links = [
    ...(line.repro ? [link(`${line.repro}/repro.json`, 'repro bundle')] : []),
    ...(line.trace ? [`${link(line.trace, 'trace')} (npx playwright show-trace)`] : []),
    ...(line.report ? [link(line.report, 'Playwright report')] : []),
  ];
  return links.length ? ` [${links.join(', ')}]` : '';
}

function reasonCell(r: RequirementVerdict): string {
  const items = verdictReasons(r).map(
    (line) => `<li>${line.test ? `${esc(line.test)}: ` : ''}${esc(line.text)}${reasonLinks(line)}</li>`,
  );
  return `<ul class="why">${items.join('')}</ul>`;
}

function sourceOf(r: RequirementVerdict): string {
  const docs = documentsCitedBy(r.source).map((d) =>
    d.url ? link(d.url, d.title) : `${esc(d.title)} (ships with the suite: <code>${esc(d.shipped ?? '')}</code>)`,
  );
  return `<div class="src">Source (${esc(r.basis)}): ${esc(r.source)}${docs.length ? `<br>${docs.join('; ')}` : ''}</div>`;
}

function requirements(c: Certificate): string {
  const rows = c.requirements.map(
    (r) =>
      `<tr data-requirement="${esc(r.id)}" data-verdict="${esc(r.verdict)}">` +
      `<td class="id"><code>${esc(r.id)}</code></td><td class="area">${esc(r.area)}</td><td class="v ${esc(r.verdict)}">${esc(r.verdict)}</td>` +
      `<td><span class="statement">${esc(r.statement)}</span>${sourceOf(r)}</td><td>${reasonCell(r)}</td></tr>`,
  );
  return `<table id="verdicts"><tr><th class="id">id</th><th>area</th><th>verdict</th><th>statement and source</th><th>why / tests</th></tr>${rows.join('')}</table>`;
}

export function certificateHtml(c: Certificate): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Conformance certificate — ${esc(c.suite.name)} ${esc(c.suite.version)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>Conformance certificate: ${esc(c.suite.name)} ${esc(c.suite.version)}</h1>`,
    facts(c),
    '<h2>Totals per area</h2>',
    areas(c),
    warnings(c),
    costHtml(c),
    '<h2>Requirements</h2>',
    requirements(c),
    c.unknownRequirementIds.length
      ? `<p>Tests name requirement ids missing from the catalog: ${esc(c.unknownRequirementIds.join(', '))}</p>`
      : '',
    '</body></html>',
    '',
  ].join('\n');
}
