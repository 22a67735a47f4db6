// The write ledger: every object the suite creates on a target, so it can remove exactly those at the
// end and prove nothing else changed (DESIGN.md "Target settings", live-target safety).
import type { SpsClient } from './sps-client.ts';
import { commitTransaction, openTransaction, rollbackTransaction } from './transactions.ts';

export interface LedgerEntry {
  /** Canonical path of the object, e.g. /api/configuration/policies/aa_plugin_instances/<key>. */
  href: string;
  createdAt: string;
}

export interface CleanupResult {
  removed: string[];
  /** Objects that could not be removed, with the HTTP status seen. */
  failed: { href: string; status: number }[];
}

export class Ledger {
  readonly #entries: LedgerEntry[] = [];

  record(href: string): void {
    if (!this.#entries.some((e) => e.href === href)) this.#entries.push({ href, createdAt: new Date().toISOString() });
  }

  forget(href: string): void {
    const index = this.#entries.findIndex((e) => e.href === href);
    if (index >= 0) this.#entries.splice(index, 1);
  }

  get entries(): readonly LedgerEntry[] {
    return this.#entries;
  }

  /**
   * Deletes every recorded object, newest first (instances before the plugins they reference), in one
   * transaction, committed only when something was deleted. A 404 counts as removed: the test deleted
   * it itself, or it was never committed.
   */
  async cleanup(client: SpsClient): Promise<CleanupResult> {
    const result: CleanupResult = { removed: [], failed: [] };
    if (this.#entries.length === 0) return result;
    await rollbackTransaction(client);
    await openTransaction(client);
    let deleted = 0;
    for (const entry of [...this.#entries].reverse()) {
      const res = await client.delete(entry.href);
      if (res.status === 200) deleted += 1;
      if (res.status === 200 || res.status === 404) result.removed.push(entry.href);
      else result.failed.push({ href: entry.href, status: res.status });
    }
    // Nothing was there to delete (the test's rollback took it): no commit, which costs seconds.
    if (deleted === 0) {
      await rollbackTransaction(client);
      for (const href of result.removed) this.forget(href);
      return result;
    }
    const commit = await commitTransaction(client);
    if (commit.status !== 200) {
      await rollbackTransaction(client);
      return { removed: [], failed: this.#entries.map((e) => ({ href: e.href, status: commit.status })) };
    }
    for (const href of result.removed) this.forget(href);
    return result;
  }
}
