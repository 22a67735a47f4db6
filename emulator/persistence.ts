// The --state file: committed configuration that survives a restart. Writes are atomic (temp file,
// fsync, rename, fsync of the directory), so a crash leaves the old file or the new one, never a mix.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { emptyState, POLICY_KINDS, type ConfigState } from './state.ts';

const FORMAT = 'sps-conformance-emulator-state';
const VERSION = 2;

export class StateFileError extends Error {}

function isRecordList(value: unknown, fields: readonly string[]): boolean {
  return (
    Array.isArray(value) &&
    value.every((r) => typeof r === 'object' && r !== null && fields.every((f) => f in r) && typeof (r as { key: unknown }).key === 'string')
  );
}

function checkedState(file: string, parsed: unknown): ConfigState {
  const doc = parsed as { format?: unknown; version?: unknown; state?: Partial<ConfigState> } | null;
  if (doc?.format !== FORMAT || doc.version !== VERSION) {
    throw new StateFileError(`${file} is not an emulator state file (format ${FORMAT}, version ${VERSION})`);
  }
  const state = doc.state;
  const policies = state?.policies as Record<string, unknown> | undefined;
  const valid =
    typeof state?.plugins === 'object' &&
    state.plugins !== null &&
    Object.values(state.plugins).every((list) => isRecordList(list, ['type', 'name', 'version', 'api', 'sha256sum'])) &&
    isRecordList(state?.passwords, ['sha256']) &&
    typeof policies === 'object' &&
    policies !== null &&
    POLICY_KINDS.every((kind) => isRecordList(policies[kind], ['body']));
  if (!valid) throw new StateFileError(`${file} holds a damaged configuration`);
  return state as ConfigState;
}

/** The committed state in `file`; the empty state when the file does not exist yet. */
export async function loadState(file: string): Promise<ConfigState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new StateFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(`${file} is not valid JSON; it is left as it is`);
  }
  return checkedState(file, parsed);
}

async function writeDurably(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Saves states in the order given; each save resolves once its state is on disk. */
export class StateFile {
  readonly #file: string;
  #queue: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.#file = file;
  }

  save(state: ConfigState): Promise<void> {
    const text = JSON.stringify({ format: FORMAT, version: VERSION, state });
    const done = this.#queue.then(() => writeDurably(this.#file, text));
    this.#queue = done.catch(() => undefined);
    return done;
  }
}
