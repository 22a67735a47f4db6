// The certificate's `cost`: what the run cost the target, summed over the tests' cost annotations
// (suite/client/cost.ts), in total and per requirement area (the area of a test's first requirement).
import type { Requirement } from '../../../contract/catalog.ts';
import { addCost, NO_COST, type Cost } from '../../client/cost.ts';
import { areaOf } from '../reporter/progress.ts';
import type { TestRecord } from './verdicts.ts';

export interface CostSummary extends Cost {
  /** Tests that reported a cost; a test that never started (setup failed) has none. */
  tests: number;
  byArea: Record<string, Cost>;
}

export function costSummary(catalog: readonly Requirement[], records: readonly TestRecord[]): CostSummary {
  const areaById = new Map(catalog.map((r) => [r.id, r.area]));
  let total: Cost = { ...NO_COST };
  const byArea: Record<string, Cost> = {};
  let tests = 0;
  for (const record of records) {
    if (!record.cost) continue;
    tests += 1;
    total = addCost(total, record.cost);
    const area = areaOf(record.requirementIds, areaById);
    byArea[area] = addCost(byArea[area] ?? NO_COST, record.cost);
  }
  const sorted = Object.fromEntries(Object.entries(byArea).sort(([a], [b]) => a.localeCompare(b)));
  return { ...total, tests, byArea: sorted };
}
