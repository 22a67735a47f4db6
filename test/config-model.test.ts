// The configuration model of the model-based property (suite/model/config-model.ts), on its own: what it
// expects for each step of the sequences the property generates, without any target.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { ConfigModel, MODEL_RULES, type Plan } from '../suite/model/config-model.ts';
import { loadCatalog } from '../contract/catalog.ts';

let counter = 0;
/** Applies a plan the way a target's success answer would, with a fresh key for creates. */
function succeed(plan: Plan): string {
  counter += 1;
  const key = plan.key ?? `key-${counter}`;
  plan.apply(key);
  return key;
}

const statuses = (plan: Plan) => plan.expect.map((a) => (a.type ? `${a.status} ${a.type}` : a.status));

test('the first change opens a transaction and takes the lock; other sessions get 409 and see the committed state', () => {
  const m = new ConfigModel(2, true);
  const plan = m.planCreatePolicy(0, 'usermapping_policies', 'um', 'true');
  expect(statuses(plan)).toEqual([201]);
  const key = succeed(plan);
  expect(m.holder).toBe(0);
  expect(m.listed(0, 'usermapping_policies')).toEqual([key]);
  expect(m.listed(1, 'usermapping_policies')).toEqual([]);
  const locked = m.planUpload(1, 'aa', 'p', '1.0.1');
  expect(statuses(locked)).toEqual(['409 TransactionLocked']);
  expect(locked.rule).toBe(MODEL_RULES.lock);
  expect(statuses(m.planOpen(1))).toEqual(['409 TransactionLocked']);
  expect(statuses(m.planOpen(0))).toEqual([200]);
});

test('without auto-open a change needs an explicit open (400 SemanticError)', () => {
  const m = new ConfigModel(1, false);
  expect(statuses(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'true'))).toEqual(['400 SemanticError']);
  succeed(m.planOpen(0));
  expect(statuses(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'true'))).toEqual([201]);
});

test('a re-upload of the same type and name answers 200 with the same key; another name is a new plugin', () => {
  const m = new ConfigModel(1, true);
  const key = succeed(m.planUpload(0, 'aa', 'p', '1.0.1'));
  const again = m.planUpload(0, 'aa', 'p', '1.0.2');
  expect(statuses(again)).toEqual([200]);
  expect(again.key).toBe(key);
  succeed(again);
  expect(m.pluginSeen(0, 'aa', key)?.version).toBe('1.0.2');
  expect(statuses(m.planUpload(0, 'credentialstore', 'p', '1.0.1'))).toEqual([201]);
});

test('rollback restores the committed state, re-uploads included; commit publishes the whole draft', () => {
  const m = new ConfigModel(2, true);
  const key = succeed(m.planUpload(0, 'aa', 'p', '1.0.1'));
  succeed(m.planCommit(0));
  expect(m.pluginSeen(1, 'aa', key)?.version).toBe('1.0.1');
  succeed(m.planUpload(0, 'aa', 'p', '1.0.2'));
  const um = succeed(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'false'));
  expect(m.planRollback(0).rule).toBe(MODEL_RULES.rollback);
  succeed(m.planRollback(0));
  expect(m.holder).toBeUndefined();
  expect(m.pluginSeen(0, 'aa', key)?.version).toBe('1.0.1');
  expect(m.policySeen(0, 'usermapping_policies', um)).toBeUndefined();
  succeed(m.planUpload(0, 'aa', 'p', '1.0.3'));
  succeed(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'false'));
  succeed(m.planCommit(0));
  expect(m.pluginSeen(1, 'aa', key)?.version).toBe('1.0.3');
  expect(m.listed(1, 'usermapping_policies')).toHaveLength(1);
});

test('a plugin delete is judged on the draft: refused while a referrer made in this transaction exists, allowed once the referrer is deleted', () => {
  const m = new ConfigModel(1, true);
  const plugin = succeed(m.planUpload(0, 'aa', 'p', '1.0.1'));
  const instance = succeed(m.planCreatePolicy(0, 'aa_plugin_instances', 'i', 'rev', plugin));
  const refused = m.planDeletePlugin(0, 'aa', plugin);
  expect(statuses(refused)).toEqual(['400 SemanticError']);
  expect(refused.rule).toBe(MODEL_RULES.references);
  succeed(m.planCommit(0));
  succeed(m.planDeletePolicy(0, 'aa_plugin_instances', instance));
  expect(statuses(m.planDeletePlugin(0, 'aa', plugin))).toEqual([200]);
  succeed(m.planDeletePlugin(0, 'aa', plugin));
  expect(statuses(m.planDeletePlugin(0, 'aa', plugin))).toEqual(['404 NotFound']);
});

test("a policy object must reference a plugin of the right type in the session's view", () => {
  const m = new ConfigModel(2, true);
  const aa = succeed(m.planUpload(0, 'aa', 'p', '1.0.1'));
  expect(statuses(m.planCreatePolicy(0, 'credentialstores', 's', '', aa))).toEqual(['400 SemanticError']);
  expect(statuses(m.planCreatePolicy(0, 'aa_plugin_instances', 'i', 'rev', aa))).toEqual([201]);
  succeed(m.planRollback(0));
  expect(statuses(m.planCreatePolicy(1, 'aa_plugin_instances', 'i', 'rev', aa)), 'the plugin was rolled back').toEqual([
    '400 SemanticError',
  ]);
});

test('names are unique per collection in the view; modify and delete of an unknown key are 404', () => {
  const m = new ConfigModel(1, true);
  succeed(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'true'));
  expect(statuses(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'false'))).toEqual(['400 SemanticError']);
  expect(statuses(m.planModifyPolicy(0, 'usermapping_policies', 'nope', 'false'))).toEqual(['404 NotFound']);
  expect(statuses(m.planDeletePolicy(0, 'usermapping_policies', 'nope'))).toEqual(['404 NotFound']);
});

test("only the holder's logout ends the transaction; a logged-out session gets 401", () => {
  const m = new ConfigModel(3, true);
  const key = succeed(m.planCreatePolicy(0, 'usermapping_policies', 'um', 'true'));
  succeed(m.planLogout(1));
  expect(m.holder).toBe(0);
  expect(m.listed(0, 'usermapping_policies')).toEqual([key]);
  expect(statuses(m.planOpen(1))).toEqual(['401 Unauthenticated']);
  succeed(m.planLogin(1));
  succeed(m.planLogout(0));
  expect(m.holder).toBeUndefined();
  expect(m.listed(2, 'usermapping_policies')).toEqual([]);
  expect(statuses(m.planOpen(2))).toEqual([200]);
});

test('a commit with nothing open is 400; while another session holds the lock 409 is accepted too', () => {
  const m = new ConfigModel(2, true);
  expect(statuses(m.planCommit(0))).toEqual(['400 SemanticError']);
  succeed(m.planOpen(0));
  expect(statuses(m.planCommit(1))).toEqual(['400 SemanticError', '409 TransactionLocked']);
  expect(statuses(m.planRollback(1))).toEqual([200]);
  succeed(m.planRollback(1));
  expect(m.holder, "another session's rollback leaves the lock alone").toBe(0);
});

test('the model is independent of the emulator and its rule ids are catalog requirements', () => {
  const source = readFileSync(new URL('../suite/model/config-model.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/from '[^']*emulator\//);
  const ids = new Set(loadCatalog().map((r) => r.id));
  expect(Object.values(MODEL_RULES).filter((id) => !ids.has(id))).toEqual([]);
});
