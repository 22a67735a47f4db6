// The run budget: what a full default run may cost an appliance, where a login and a commit take
// seconds (issue 11 item 4). The one place the numbers live: the certificate's Cost section shows them
// and test/run-budget.test.ts holds a run of the suite to them.
import type { Cost } from '../../client/cost.ts';

export const RUN_BUDGET = { commits: 15, logins: 8 } as const;

/** The budget lines a cost breaks, e.g. "20 commits (budget 15)"; empty when it keeps the budget. */
export function overBudget(cost: Pick<Cost, 'commits' | 'logins'>): string[] {
  const over: string[] = [];
  if (cost.commits > RUN_BUDGET.commits) over.push(`${cost.commits} commits (budget ${RUN_BUDGET.commits})`);
  if (cost.logins > RUN_BUDGET.logins) over.push(`${cost.logins} successful logins (budget ${RUN_BUDGET.logins})`);
  return over;
}
