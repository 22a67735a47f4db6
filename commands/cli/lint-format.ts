// The four outputs of `lint`: text (one `file:line:col: severity [rule] message` line per finding, for
// editors and people), json (the results), sarif (SARIF 2.1.0 for code-scanning tools) and github
// (workflow commands that annotate a pull request).
import type { ProfileName } from '../../contract/profiles.ts';
import { SUITE_NAME, SUITE_VERSION } from '../../suite/report/certificate/suite-version.ts';
import { ruleDocsUrl } from './lint-docs.ts';
import type { Finding } from './lint-findings.ts';
import type { LintResult } from './lint-command.ts';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export function location(f: Finding): string {
  return f.line ? `${f.file}:${f.line}:${f.column ?? 1}` : f.file;
}

function headline(r: LintResult): string {
  if (!r.valid) return `${r.file}: INVALID`;
  const m = r.manifest;
  return `${r.file}: valid (${m?.type ?? '?'} plugin ${m?.name ?? '?'} ${m?.version ?? ''})`.trimEnd();
}

function findingLines(f: Finding): string[] {
  return [
    `${location(f)}: ${f.severity} [${f.rule}] ${f.message}`,
    ...(f.hint ? [`  hint: ${f.hint}`] : []),
    `  docs: ${f.docs}`,
  ];
}

export function formatText(results: readonly LintResult[], profileName: ProfileName, maxWarnings?: number): string {
  const lines = results.flatMap((r) => [headline(r), ...r.findings.flatMap(findingLines)]);
  const invalid = results.filter((r) => !r.valid).length;
  const warned = results.filter((r) => r.findings.some((f) => f.severity === 'warning')).length;
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const warnedText = warned > 0 ? `, ${warned} with warnings (${warnings} warning(s))` : '';
  const limit = maxWarnings === undefined ? '' : `; --max-warnings ${maxWarnings}`;
  lines.push(
    `${results.length} checked against SPS ${profileName}: ${results.length - invalid} valid, ${invalid} invalid${warnedText}${limit}`,
  );
  return lines.join('\n');
}

/** GitHub workflow commands: data escapes %, CR, LF; property values also ":" and ",". */
function ghData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function ghProperty(text: string): string {
  return ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly LintResult[]): string {
  const lines = results.flatMap((r) =>
    r.findings.map((f) => {
      const props = [
        `file=${ghProperty(f.file)}`,
        ...(f.line ? [`line=${f.line}`, `col=${f.column ?? 1}`] : []),
        `title=${ghProperty(f.rule)}`,
      ];
      const text = `${f.message}${f.hint ? `\nhint: ${f.hint}` : ''}\ndocs: ${f.docs}`;
      return `::${f.severity} ${props.join(',')}::${ghData(text)}`;
    }),
  );
  const invalid = results.filter((r) => !r.valid).length;
  lines.push(`${results.length} checked: ${results.length - invalid} valid, ${invalid} invalid`);
  return lines.join('\n');
}

/**
 * SARIF 2.1.0 (OASIS standard): sarifLog needs `version` and `runs` (§3.13), a run its `tool` (§3.14.6)
 * with a `driver` (§3.18.2) that has a `name` (§3.19.8), a result its `message` (§3.27.11); `level` is
 * error or warning (§3.27.10), regions count lines and columns from 1 (§3.30).
 */
export function sarifLog(results: readonly LintResult[]): object {
  const findings = results.flatMap((r) => r.findings);
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const docs = ruleDocsUrl(id);
    return {
      id,
      ...(/^https?:/.test(docs) ? { helpUri: docs } : {}),
      help: { text: `See ${docs}` },
      defaultConfiguration: { level: findings.find((f) => f.rule === id)!.severity },
    };
  });
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SUITE_NAME,
            version: SUITE_VERSION,
            informationUri: ruleDocsUrl('').replace(/#$/, ''),
            rules,
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: f.severity,
          message: { text: f.hint ? `${f.message} (hint: ${f.hint})` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file) },
                ...(f.line ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}
