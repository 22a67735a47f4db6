// The fault list: every injectable deviation, by name. The self-test runs the suite against each
// one and expects the tests of its `violates` ids to fail.
import { behaviourFaults } from './behaviour-faults.ts';
import { contentFaults } from './content-faults.ts';
import type { Fault } from './fault.ts';
import { metaFaults } from './meta-faults.ts';
import { sequenceFaults } from './sequence-faults.ts';
import { statusFaults } from './status-faults.ts';

export const FAULTS: readonly Fault[] = [
  ...statusFaults,
  ...metaFaults,
  ...contentFaults,
  ...behaviourFaults,
  ...sequenceFaults,
];

export class UnknownFaultError extends Error {
  constructor(name: string) {
    super(`unknown fault "${name}" (see --fault list)`);
  }
}

export function faultNames(): string[] {
  return FAULTS.map((f) => f.name);
}

export function faultNamed(name: string): Fault {
  const fault = FAULTS.find((f) => f.name === name);
  if (!fault) throw new UnknownFaultError(name);
  return fault;
}

/** The fault list as text: one block per fault with its name, the ids it violates and what it does. */
export function faultListText(): string {
  return FAULTS.map((f) => `${f.name}\n  violates: ${f.violates.join(', ')}\n  ${f.description}\n`).join('');
}
