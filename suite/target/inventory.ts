// A fingerprint of the target's visible configuration, taken before and after a run: the run fails if
// anything it did not create changed, or anything it created is left (DESIGN.md "Target settings").
// Only hashes and names are kept: configuration bodies may hold secrets.
import { createHash } from 'node:crypto';
import type { SpsClient } from '../client/sps-client.ts';
import { isRunName } from '../client/run-names.ts';
import { TargetError } from '../client/target-error.ts';
import type { Profile } from '../../contract/profiles.ts';
import { PLUGINS_PATH, RESOURCE_FAMILIES } from '../../contract/surface.ts';

export interface InventoryEntry {
  hash: string;
  name: string | null;
}

export type Inventory = Record<string, InventoryEntry>;

export interface InventoryDiff {
  /** Objects the run did not create that changed, appeared or disappeared. */
  changed: string[];
  /** Objects the run created (run-id names) still present. */
  leftovers: string[];
}

/** Every plugin type collection of the profile and every resource family of the contract. */
export function inventoryCollections(profile: Profile): string[] {
  return [...profile.pluginTypes.map((t) => `${PLUGINS_PATH}/${t}`), ...RESOURCE_FAMILIES.map((f) => f.path)];
}

function nameOf(json: unknown): string | null {
  const name = (json as { body?: { name?: unknown } } | undefined)?.body?.name;
  return typeof name === 'string' ? name : null;
}

export class InventoryError extends TargetError {}

export async function takeInventory(client: SpsClient, profile: Profile): Promise<Inventory> {
  const inventory: Inventory = {};
  for (const collection of inventoryCollections(profile)) {
    const list = await client.get(collection);
    if (list.status === 404) continue;
    if (list.status !== 200) throw new InventoryError(`inventory: GET ${collection} answered ${list.status}`);
    const items = (list.json as { items?: { meta?: { href?: string } }[] }).items ?? [];
    for (const item of items) {
      const href = item.meta?.href;
      if (!href) continue;
      const res = await client.get(href);
      if (res.status !== 200) throw new InventoryError(`inventory: GET ${href} answered ${res.status}`);
      const body = (res.json as { body?: unknown } | undefined)?.body ?? null;
      inventory[href] = {
        hash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
        name: nameOf(res.json),
      };
    }
  }
  return inventory;
}

/** `permanentPrefix`: objects of the run under this path may stay (they cannot be deleted by design). */
export function compareInventories(
  before: Inventory,
  after: Inventory,
  runId: string,
  permanentPrefix?: string,
): InventoryDiff {
  const changed: string[] = [];
  const leftovers: string[] = [];
  for (const [href, entry] of Object.entries(after)) {
    if (isRunName(runId, entry.name)) {
      if (!permanentPrefix || !href.startsWith(permanentPrefix)) leftovers.push(href);
    } else if (before[href]?.hash !== entry.hash) changed.push(href);
  }
  for (const href of Object.keys(before)) if (!(href in after)) changed.push(href);
  return { changed: changed.sort(), leftovers: leftovers.sort() };
}

/** Where the inventory taken before the run waits for the check after it. */
export function inventoryBeforeFile(dir: string): string {
  return `${dir.replace(/\/+$/, '')}/inventory-before.json`;
}
