// certificate.md: the certificate for people, in the order a vendor reads it: run status, score,
// totals per area, then every requirement with its verdict. Every value is escaped for Markdown (see
// markdownText), as the HTML page escapes for HTML: a target's strings are hostile input.
import { stripVTControlCharacters } from 'node:util';
import { documentsCitedBy } from '../../../contract/sources.ts';
import type { Certificate } from './certificate.ts';
import { verdictReasons, type ReasonLine } from './verdict-reason.ts';
import { costMarkdown } from './certificate-cost.ts';
import { VERDICTS } from './verdict-order.ts';
import type { RequirementVerdict } from './verdicts.ts';

// C0/C1 controls (ANSI escapes start with ESC), DEL and the Unicode line separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Markdown punctuation that could start markup inside a line: emphasis, code, links and images
// (brackets), strikethrough, table cells. Line-start markup (#, +, >) cannot occur: values never start
// a line, and newlines are folded.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/**
 * `text` as literal Markdown on one line: HTML special characters become entities (no raw tag such as
 * `<script>` survives), Markdown punctuation is backslash-escaped, and control characters (ANSI
 * escapes) are shown as visible \xHH.
 */
export function markdownText(text: string): string {
  // ANSI escape sequences are dropped (a file is not a terminal); other controls become visible \xHH.
  return stripVTControlCharacters(String(text))
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const cell = markdownText;
const md = markdownText;

function scoreLine(c: Certificate): string {
  const pct = c.score.value === null ? 'n/a' : `${(c.score.value * 100).toFixed(1)} %`;
  const i = c.score.inferred;
  return [
    `**Conformance score: ${pct}** (${c.score.passed} PASS of ${c.score.applicable} applicable requirements; ${c.score.definition})`,
    '',
    `Inferred requirements (our reading where the documents are silent): ${i.passed} PASS, ${i.warned} WARN, ${i.failed} FAIL of ${i.applicable}`,
  ].join('\n');
}

/** WARN: inferred requirements the target does not meet, with what was expected and what came back. */
function warnTable(c: Certificate): string[] {
  const warned = c.requirements.filter((r) => r.verdict === 'WARN');
  if (warned.length === 0) return [];
  return [
    '## WARN: inferred requirements this target does not meet',
    '',
    "Not failures: no document states these. Run with `--strict` to make them FAIL, or record this target's answers with `sps-conformance observe`.",
    '',
    '| id | statement | where | expected | actual |',
    '|---|---|---|---|---|',
    ...warned.flatMap((r) =>
      (r.warnings?.length ? r.warnings : [{ where: '', expected: '', actual: r.reason ?? '' }]).map(
        (w) => `| ${r.id} | ${cell(r.statement)} | ${cell(w.where)} | ${cell(w.expected)} | ${cell(w.actual)} |`,
      ),
    ),
    '',
  ];
}

function header(c: Certificate): string[] {
  const target = `${md(c.target.url)}${c.target.embedded ? ' (embedded emulator)' : ''}${c.target.version ? `, firmware ${md(c.target.version)}` : ''}`;
  return [
    `# Conformance certificate: ${md(c.suite.name)} ${md(c.suite.version)}`,
    '',
    `- Run status: **${md(c.run.status)}**${c.run.reasons.length ? ` — ${md(c.run.reasons.join('; '))}` : ''}`,
    ...c.run.notes.map((n) => `- Note: ${md(n)}`),
    `- Target: ${target}`,
    `- Mode: ${c.mode}${c.mode === 'default' ? ' (inferred requirements a target does not meet are WARN, not FAIL)' : ' (inferred requirements FAIL like the others)'}`,
    `- Expectations: ${c.expectations ? `${md(c.expectations.file)} (sha256 \`${c.expectations.sha256}\`)` : 'none'}`,
    `- Profile: ${md(c.profile)} (${md(c.profileSource)}); seed ${c.seed}; FC_RUNS ${c.fcRuns}; run id ${md(c.run.id)}; shards ${c.run.shards}`,
    `- Suite content hash (${c.suite.contentHash.algorithm}, ${c.suite.contentHash.covers.join('/, ')}/, ${c.suite.contentHash.files} files): \`${c.suite.contentHash.value}\``,
    `- Inventory safety: ${c.safety === null ? 'not checked (the run made no writes)' : c.safety.clean ? 'clean' : `NOT CLEAN — leftovers: ${md(c.safety.leftovers.join(', ')) || 'none'}; changed: ${md(c.safety.changed.join(', ')) || 'none'}`}`,
    `- Generated ${c.generatedAt}; integrity ${c.integrity.algorithm} \`${c.integrity.value}\` (check with \`sps-conformance verify certificate.json\`)`,
    '',
    scoreLine(c),
    '',
  ];
}

function areaTable(c: Certificate): string[] {
  return [
    '## Totals per area',
    '',
    `| area | ${VERDICTS.join(' | ')} |`,
    `|---|${VERDICTS.map(() => '---:').join('|')}|`,
    ...c.areas.map((a) => `| ${cell(a.area)} | ${VERDICTS.map((v) => a.totals[v]).join(' | ')} |`),
    `| **all** | ${VERDICTS.map((v) => `**${c.totals[v]}**`).join(' | ')} |`,
    '',
  ];
}

/** A link target inside a table cell: spaces, parentheses and pipes percent-encoded. */
function href(target: string): string {
  return encodeURI(target).replace(/[()|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function mdLink(target: string, text: string): string {
  return `[${cell(text)}](${href(target)})`;
}

function reasonLinks(line: ReasonLine): string {
  const links = [
    ...(line.repro ? [mdLink(`${line.repro}/repro.json`, 'repro bundle')] : []),
    ...(line.trace ? [`${mdLink(line.trace, 'trace')} (npx playwright show-trace)`] : []),
    ...(line.report ? [mdLink(line.report, 'Playwright report')] : []),
  ];
  return links.length ? ` (${links.join(', ')})` : '';
}

function reasonCell(r: RequirementVerdict): string {
  return verdictReasons(r)
    .map((line) => `${line.test ? `${cell(line.test)}: ` : ''}${cell(line.text)}${reasonLinks(line)}`)
    .join('; ');
}

function sourceCell(r: RequirementVerdict): string {
  const docs = documentsCitedBy(r.source).map((d) =>
    d.url ? mdLink(d.url, d.title) : `${cell(d.title)} (ships with the suite: ${cell(d.shipped ?? '')})`,
  );
  return `${cell(r.source)}${docs.length ? ` — ${docs.join('; ')}` : ''}`;
}

function requirementTable(c: Certificate): string[] {
  return [
    '## Requirements',
    '',
    '| id | area | basis | verdict | statement | why / tests |',
    '|---|---|---|---|---|---|',
    ...c.requirements.map(
      (r) =>
        `| ${cell(r.id)} | ${cell(r.area)} | ${r.basis} | **${r.verdict}** | ${cell(r.statement)} | ${reasonCell(r)} |`,
    ),
    '',
  ];
}

/** Sources apart from the verdict table, so the table stays narrow enough to read. */
function sourceTable(c: Certificate): string[] {
  return [
    '## Sources',
    '',
    '| id | source |',
    '|---|---|',
    ...c.requirements.map((r) => `| ${cell(r.id)} | ${sourceCell(r)} |`),
    '',
  ];
}

export function certificateMarkdown(c: Certificate): string {
  const unknown = c.unknownRequirementIds.length
    ? [`Tests name requirement ids missing from the catalog: ${md(c.unknownRequirementIds.join(', '))}`, '']
    : [];
  return [
    ...header(c),
    ...areaTable(c),
    ...warnTable(c),
    ...costMarkdown(c),
    ...requirementTable(c),
    ...sourceTable(c),
    ...unknown,
  ].join('\n');
}
