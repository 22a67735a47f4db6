// What an exchange costs (suite/client/cost.ts): the counts the run budget rests on, and their sum
// per area in the certificate (suite/report/certificate/cost-summary.ts).
import { test, expect } from '@playwright/test';
import { costOf, CostMeter } from '../suite/client/cost.ts';
import { costSummary } from '../suite/report/certificate/cost-summary.ts';
import { overBudget, RUN_BUDGET } from '../suite/report/certificate/budget.ts';
import type { Requirement } from '../contract/catalog.ts';
import type { TestRecord } from '../suite/report/certificate/verdicts.ts';
import { buildCertificate } from '../suite/report/certificate/certificate.ts';
import { certificateHtml } from '../suite/report/certificate/certificate-html.ts';
import { certificateMarkdown } from '../suite/report/certificate/certificate-markdown.ts';
import { suiteHash } from '../suite/report/certificate/suite-hash.ts';
import { schemaProblems } from '../contract/validators.ts';
import { sampleFacts } from './report-sample-facts.ts';

function exchange(method: string, path: string, status: number, body?: string, headers: Record<string, string> = {}) {
  return {
    request: { method, path, headers, body: body === undefined ? undefined : Buffer.from(body) },
    response: { status, headers: {}, body: Buffer.alloc(0) },
  };
}

test('a login counts only when it opened a session; a commit and a rollback only when taken', () => {
  const login = (status: number) =>
    exchange('GET', '/api/authentication', status, undefined, { authorization: 'Basic eA==' });
  expect(costOf(login(200)).logins).toBe(1);
  expect(costOf(login(401)).logins).toBe(0);
  expect(costOf(exchange('GET', '/api/authentication', 200)).logins, 'no credentials: not a login').toBe(0);
  const commit = (status: number, body = '{"status":"commit"}') => exchange('PUT', '/api/transaction', status, body);
  expect(costOf(commit(200)).commits).toBe(1);
  expect(costOf(commit(400)).commits, 'a refused commit').toBe(0);
  expect(costOf(commit(200, '{"status":"rollback"}')).commits).toBe(0);
  expect(costOf(commit(200, '{"status":')).commits, 'not JSON').toBe(0);
  expect(costOf(exchange('DELETE', '/api/transaction', 200)).rollbacks).toBe(1);
  expect(costOf(exchange('DELETE', '/api/transaction', 401)).rollbacks).toBe(0);
  expect(costOf(exchange('DELETE', '/api/configuration/policies/usermapping_policies/k', 200))).toEqual({
    requests: 1,
    logins: 0,
    commits: 0,
    rollbacks: 0,
    bytesUploaded: 0,
  });
  expect(costOf(exchange('POST', '/api/upload/plugins', 201, 'PK\u0003\u0004zip')).bytesUploaded).toBe(7);
});

test('a meter adds up every exchange it is given', () => {
  const meter = new CostMeter();
  meter.count(exchange('GET', '/api/authentication', 200, undefined, { authorization: 'Basic eA==' }));
  meter.count(exchange('PUT', '/api/transaction', 200, '{"status":"commit","commit_message":"m"}'));
  meter.count(exchange('POST', '/api/transaction', 200, ''));
  expect(meter.total).toEqual({ requests: 3, logins: 1, commits: 1, rollbacks: 0, bytesUploaded: 40 });
});

test('the certificate sums the tests’ costs in total and per area of their first requirement', () => {
  const catalog = [
    { id: 'TX-1', area: 'transactions' },
    { id: 'UP-1', area: 'upload' },
  ] as unknown as Requirement[];
  const cost = (commits: number) => ({ requests: 10, logins: 1, commits, rollbacks: 2, bytesUploaded: 100 });
  const record = (ids: string[], c?: ReturnType<typeof cost>): TestRecord => ({
    title: ids.join(),
    file: 'specs/x.spec.ts',
    requirementIds: ids,
    outcome: 'passed',
    ...(c ? { cost: c } : {}),
  });
  const summary = costSummary(catalog, [
    record(['UP-1', 'TX-1'], cost(1)),
    record(['TX-1'], cost(2)),
    record(['TX-1']),
    record(['NOPE'], cost(0)),
  ]);
  expect(summary).toEqual({
    requests: 30,
    logins: 3,
    commits: 3,
    rollbacks: 6,
    bytesUploaded: 300,
    tests: 3,
    byArea: { other: cost(0), transactions: cost(2), upload: cost(1) },
  });
  expect(overBudget({ commits: RUN_BUDGET.commits, logins: RUN_BUDGET.logins })).toEqual([]);
  expect(overBudget({ commits: RUN_BUDGET.commits + 1, logins: 0 })).toEqual([
    `${RUN_BUDGET.commits + 1} commits (budget ${RUN_BUDGET.commits})`,
  ]);
});

test('certificate.json carries the cost (schema-valid) and certificate.md/.html show it against the budget', () => {
  const catalog = [
    { id: 'TX-1', area: 'transactions', basis: 'documented', statement: 's', source: 'x' },
  ] as unknown as Requirement[];
  const cost = { requests: 40, logins: 9, commits: 3, rollbacks: 2, bytesUploaded: 100 };
  const records: TestRecord[] = [
    { title: 't', file: 'specs/x.spec.ts', requirementIds: ['TX-1'], outcome: 'passed', cost },
  ];
  const certificate = buildCertificate({
    catalog,
    records,
    facts: [sampleFacts()],
    setupFailed: false,
    suiteHash: suiteHash(),
  });
  expect(certificate.cost).toMatchObject({ ...cost, tests: 1, byArea: { transactions: cost } });
  expect(schemaProblems('certificate', certificate)).toEqual([]);
  const markdown = certificateMarkdown(certificate);
  expect(markdown).toContain('## Cost');
  expect(markdown).toContain(`Over the budget`);
  expect(markdown).toContain(`9 successful logins (budget ${RUN_BUDGET.logins})`);
  expect(markdown).toContain('| transactions | 40 | 9 | 3 | 2 | 100 |');
  const html = certificateHtml(certificate);
  expect(html).toContain('<h2>Cost</h2>');
  expect(html).toContain('<th class="n" data-cost="commits">3</th>');
});
