// Differences between two targets' observations of the same scenario, step by step and field by field.
import { canonicalJson } from '../../suite/report/certificate/canonical-json.ts';
import type { Observation } from './observe.ts';
import type { Step } from './scenario.ts';

export interface Difference {
  step: number;
  label: string;
  method: string;
  path: string;
  field: 'status' | 'error.type' | 'contract' | 'meta';
  a: unknown;
  b: unknown;
}

/** Equal as JSON, whatever the order of object keys (a target may order them differently). */
function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

export function differences(
  steps: readonly Step[],
  a: readonly Observation[],
  b: readonly Observation[],
): Difference[] {
  const found: Difference[] = [];
  steps.forEach((step, i) => {
    const left = a[i]!;
    const right = b[i]!;
    const at = { step: i + 1, label: step.label, method: step.method, path: step.path };
    if (left.status !== right.status) found.push({ ...at, field: 'status', a: left.status, b: right.status });
    if (left.errorType !== right.errorType)
      found.push({ ...at, field: 'error.type', a: left.errorType, b: right.errorType });
    if (!same([...left.problems].sort(), [...right.problems].sort()))
      found.push({ ...at, field: 'contract', a: left.problems, b: right.problems });
    if (!same(left.meta, right.meta)) found.push({ ...at, field: 'meta', a: left.meta, b: right.meta });
  });
  return found;
}
