// The real side of the model-based property: the sessions (one client each), the names one sequence
// uses (all carrying the run id), the objects the target had before the sequence, and the checks and
// cleanup every sequence shares. A sequence ends with every session rolled back; what it committed is
// in the ledger, which deletes it after the test in one commit (live-target safety): a later sequence
// counts it among the objects that were there before it.
import { minimalPlugin } from '../../generators/plugin-zip.ts';
import type { Ledger } from '../../suite/client/ledger.ts';
import { runName } from '../../suite/client/run-names.ts';
import type { ApiResponse, SpsClient } from '../../suite/client/sps-client.ts';
import { rollbackTransaction } from '../../suite/client/transactions.ts';
import {
  MODEL_RULES,
  type ConfigModel,
  type ModelRule,
  type PluginType,
  type ModelFamily,
} from '../../suite/model/config-model.ts';
import { gist, modelCheck } from './model-check.ts';
import { PLUGINS_PATH, familyPath } from '../../contract/surface.ts';

export type Collection = PluginType | ModelFamily;
export const COLLECTIONS: readonly Collection[] = [
  'aa',
  'credentialstore',
  'aa_plugin_instances',
  'credentialstores',
  'usermapping_policies',
];
/** A key no object has: commands addressing an object the target never made use it (404 or 400). */
export const ABSENT_KEY = '00000000-0000-4000-8000-00000000cafe';

export function collectionPath(c: Collection): string {
  return c === 'aa' || c === 'credentialstore' ? `${PLUGINS_PATH}/${c}` : familyPath(c);
}

/** Plugin slots 0 and 1 are AA plugins, slot 2 a credential store plugin. */
export const PLUGIN_SLOT_TYPES: readonly PluginType[] = ['aa', 'aa', 'credentialstore'];

export interface SequenceNames {
  plugins: string[];
  instances: string[];
  stores: string[];
  usermappings: string[];
}

export interface Target {
  clients: SpsClient[];
  names: SequenceNames;
  /** Keys each collection held before the sequence: objects that are not the sequence's. */
  baseline: Map<Collection, string[]>;
  ledger: Ledger;
  pluginDelete: boolean;
  zips: Map<string, Buffer>;
}

export function sequenceNames(runId: string): SequenceNames {
  const some = (label: string, n: number) => Array.from({ length: n }, () => runName(runId, label));
  return {
    plugins: some('seqplugin', 3),
    instances: some('seqinstance', 2),
    stores: some('seqstore', 1),
    usermappings: some('sequsermap', 2),
  };
}

export async function listedKeys(client: SpsClient, c: Collection): Promise<{ res: ApiResponse; keys: string[] }> {
  const res = await client.get(collectionPath(c));
  const items = (res.json as { items?: { key?: unknown }[] } | undefined)?.items;
  const keys = Array.isArray(items) ? items.map((i) => String(i.key)) : [];
  return { res, keys: keys.sort() };
}

/**
 * Every sequence starts with each session's transaction rolled back (the sessions stay logged in: a
 * login costs seconds on an appliance), so a failure never depends on an earlier sequence's draft.
 */
export async function freshTransactions(clients: readonly SpsClient[]): Promise<void> {
  for (const client of clients) await rollbackTransaction(client);
}

export async function readBaseline(client: SpsClient): Promise<Map<Collection, string[]>> {
  const baseline = new Map<Collection, string[]>();
  for (const c of COLLECTIONS) baseline.set(c, (await listedKeys(client, c)).keys);
  return baseline;
}

export async function pluginZip(t: Target, type: PluginType, name: string, version: string): Promise<Buffer> {
  const id = `${name}@${version}`;
  let zip = t.zips.get(id);
  if (!zip) {
    zip = await minimalPlugin({ name, type, version, description: 'sps-conformance sequence plugin' });
    t.zips.set(id, zip);
  }
  return zip;
}

/** Every logged-in session's lists equal the model's view for it (plus what was there before). */
export async function everyListAgrees(m: ConfigModel, t: Target, rule: ModelRule, after: string): Promise<void> {
  for (const [s, client] of t.clients.entries()) {
    if (!m.loggedIn[s]) continue;
    for (const c of COLLECTIONS) {
      const { res, keys } = await listedKeys(client, c);
      const expected = [...(t.baseline.get(c) ?? []), ...m.listed(s, c)].sort();
      modelCheck(rule, res.status === 200, `${after}: session ${s} GET ${collectionPath(c)} answered ${gist(res)}`);
      modelCheck(
        rule,
        JSON.stringify(keys) === JSON.stringify(expected),
        `${after}: session ${s} sees ${c} ${JSON.stringify(keys)}, the model ${JSON.stringify(expected)}`,
      );
    }
  }
}

/** Ends a sequence: every session rolled back, and every list as the committed state says. */
export async function endSequence(m: ConfigModel, t: Target): Promise<void> {
  for (const client of t.clients) await rollbackTransaction(client);
  m.holder = undefined;
  m.draft = undefined;
  await everyListAgrees(m, t, MODEL_RULES.rollback, 'after the rollbacks');
}

/** Objects the model has committed go into the ledger, so they are removed even if the sequence breaks. */
export function recordCommitted(m: ConfigModel, t: Target): void {
  // Plugins first: the ledger deletes newest first, so the objects using a plugin go before it.
  for (const p of m.committed.plugins) t.ledger.record(`${collectionPath(p.type)}/${p.key}`);
  for (const p of m.committed.policies) t.ledger.record(`${collectionPath(p.kind)}/${p.key}`);
}
