// certificate.md: the certificate for people, in the order a vendor reads it: run status, score,
// totals per area, then every requirement with its verdict.
import type { Certificate } from './certificate.ts';
import { VERDICTS } from './verdict-order.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

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
    'Not failures: no document states these. Run with `--strict` to make them FAIL, or record this target\'s answers with `sps-conformance observe`.',
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
  const target = `${c.target.url}${c.target.embedded ? ' (embedded emulator)' : ''}${c.target.version ? `, firmware ${c.target.version}` : ''}`;
  return [
    `# Conformance certificate: ${c.suite.name} ${c.suite.version}`,
    '',
    `- Run status: **${c.run.status}**${c.run.reasons.length ? ` — ${c.run.reasons.join('; ')}` : ''}`,
    ...c.run.notes.map((n) => `- Note: ${n}`),
    `- Target: ${target}`,
    `- Mode: ${c.mode}${c.mode === 'default' ? ' (inferred requirements a target does not meet are WARN, not FAIL)' : ' (inferred requirements FAIL like the others)'}`,
    `- Expectations: ${c.expectations ? `${c.expectations.file} (sha256 \`${c.expectations.sha256}\`)` : 'none'}`,
    `- Profile: ${c.profile} (${c.profileSource}); seed ${c.seed}; FC_RUNS ${c.fcRuns}; run id ${c.run.id}; shards ${c.run.shards}`,
    `- Suite content hash (${c.suite.contentHash.algorithm}, ${c.suite.contentHash.covers.join('/, ')}/, ${c.suite.contentHash.files} files): \`${c.suite.contentHash.value}\``,
    `- Inventory safety: ${c.safety === null ? 'not checked (the run made no writes)' : c.safety.clean ? 'clean' : `NOT CLEAN — leftovers: ${c.safety.leftovers.join(', ') || 'none'}; changed: ${c.safety.changed.join(', ') || 'none'}`}`,
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

function requirementTable(c: Certificate): string[] {
  return [
    '## Requirements',
    '',
    '| id | area | basis | verdict | statement | why / tests |',
    '|---|---|---|---|---|---|',
    ...c.requirements.map((r) => {
      const why = r.reason ?? r.tests.filter((t) => t.outcome !== 'passed').map((t) => `${t.title}: ${t.message ?? t.outcome}${t.repro ? ` (${t.repro})` : ''}`).join('; ');
      return `| ${r.id} | ${cell(r.area)} | ${r.basis} | **${r.verdict}** | ${cell(r.statement)} | ${cell(why || `${r.tests.length} test(s) passed`)} |`;
    }),
    '',
  ];
}

export function certificateMarkdown(c: Certificate): string {
  const unknown = c.unknownRequirementIds.length ? [`Tests name requirement ids missing from the catalog: ${c.unknownRequirementIds.join(', ')}`, ''] : [];
  return [...header(c), ...areaTable(c), ...warnTable(c), ...requirementTable(c), ...unknown].join('\n');
}
