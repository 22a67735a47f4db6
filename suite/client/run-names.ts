// Names of objects the suite creates carry the run id, so a person (and the inventory check) can tell
// them from the appliance's own configuration.
let counter = 0;

/** A name valid for every SPS name rule ([a-zA-Z][a-zA-Z0-9_]+): run id, a label and a counter. */
export function runName(runId: string, label: string): string {
  counter += 1;
  const clean = label.replace(/[^A-Za-z0-9_]/g, '_');
  return `${runId}_${clean}_${process.pid % 10000}_${counter}`;
}

export function isRunName(runId: string, name: unknown): boolean {
  return typeof name === 'string' && name.startsWith(`${runId}_`);
}
