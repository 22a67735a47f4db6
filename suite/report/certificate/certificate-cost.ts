// The certificate's "Cost" section, for certificate.md and certificate.html: what the run cost the
// target (requests, successful logins, commits, rollbacks, request bytes sent), per requirement area,
// against the run budget of a full default run.
import { overBudget, RUN_BUDGET } from './budget.ts';
import type { Certificate } from './certificate.ts';
import type { Cost } from '../../client/cost.ts';

const COLUMNS: readonly (keyof Cost)[] = ['requests', 'logins', 'commits', 'rollbacks', 'bytesUploaded'];
const HEADINGS = ['requests', 'logins', 'commits', 'rollbacks', 'bytes sent'];

function budgetLine(c: Certificate): string {
  const over = overBudget(c.cost);
  const limits = `at most ${RUN_BUDGET.commits} commits and ${RUN_BUDGET.logins} successful logins for a full default run`;
  return over.length === 0 ? `Within the budget (${limits}).` : `Over the budget (${limits}): ${over.join(', ')}.`;
}

function summary(c: Certificate): string {
  const k = c.cost;
  return `${k.requests} requests, ${k.logins} successful logins, ${k.commits} commits, ${k.rollbacks} rollbacks, ${k.bytesUploaded} bytes sent, over ${k.tests} tests.`;
}

// Area names come from the catalog; escaped all the same, as everything else in the reports.
function plain(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._,():-]/g, (ch) => `&#${ch.codePointAt(0)};`);
}

export function costMarkdown(c: Certificate): string[] {
  return [
    '## Cost',
    '',
    `${summary(c)} ${budgetLine(c)}`,
    '',
    `| area | ${HEADINGS.join(' | ')} |`,
    `|---|${HEADINGS.map(() => '---:').join('|')}|`,
    ...Object.entries(c.cost.byArea).map(
      ([area, cost]) => `| ${plain(area)} | ${COLUMNS.map((k) => cost[k]).join(' | ')} |`,
    ),
    `| **all** | ${COLUMNS.map((k) => `**${c.cost[k]}**`).join(' | ')} |`,
    '',
  ];
}

export function costHtml(c: Certificate): string {
  const head = `<tr><th>area</th>${HEADINGS.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const rows = Object.entries(c.cost.byArea).map(
    ([area, cost]) =>
      `<tr data-cost-area="${plain(area)}"><td>${plain(area)}</td>${COLUMNS.map((k) => `<td class="n">${cost[k]}</td>`).join('')}</tr>`,
  );
  const all = `<tr id="cost-total"><th>all</th>${COLUMNS.map((k) => `<th class="n" data-cost="${k}">${c.cost[k]}</th>`).join('')}</tr>`;
  return `<h2>Cost</h2><p>${plain(summary(c))} ${plain(budgetLine(c))}</p><table id="cost">${head}${rows.join('')}${all}</table>`;
}
