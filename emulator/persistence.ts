// The --state file: committed configuration that survives a restart. Writes are atomic (temp file,
// fsync, rename, fsync of the directory), so a crash leaves the old file or the new one, never a mix.
// At start-up the file is checked against schemas/state.schema.json, and a lock file beside it keeps a
// second emulator off the same state (two writers would silently lose each other's commits).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileReadError, readRegularFile } from '../contract/regular-file.ts';
import { stateProblems } from './state-schema.ts';
import { emptyState, type ConfigState } from './state.ts';

const FORMAT = 'sps-conformance-emulator-state';
const VERSION = 2;
/** Far above any configuration the suite builds (a few MiB); keeps a wrong path from filling memory. */
export const STATE_FILE_MAX_BYTES = 256 * 1024 * 1024;

export class StateFileError extends Error {}

function checkedState(file: string, parsed: unknown): ConfigState {
  const doc = parsed as { format?: unknown; version?: unknown } | null;
  if (doc?.format !== FORMAT)
    throw new StateFileError(`${file} is not an emulator state file (format ${FORMAT}, version ${VERSION})`);
  if (typeof doc.version === 'number' && doc.version > VERSION) {
    throw new StateFileError(
      `${file} is state file version ${doc.version}, newer than this emulator reads (version ${VERSION}): upgrade sps-conformance`,
    );
  }
  if (doc.version !== VERSION)
    throw new StateFileError(
      `${file} is state file version ${String(doc.version)}; this emulator reads version ${VERSION}`,
    );
  const problems = stateProblems(parsed);
  if (problems.length > 0) {
    throw new StateFileError(
      `${file} holds a damaged configuration (${problems.slice(0, 3).join('; ')}); it is left as it is`,
    );
  }
  return (parsed as { state: ConfigState }).state;
}

/** The committed state in `file`; the empty state when the file does not exist yet. */
export async function loadState(file: string): Promise<ConfigState> {
  let text: string;
  try {
    text = (await readRegularFile(file, STATE_FILE_MAX_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError && error.code === 'ENOENT') return emptyState();
    throw new StateFileError(`cannot use ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(`${file} is not valid JSON; it is left as it is`);
  }
  return checkedState(file, parsed);
}

/** Writes `text` to `file` in place; a seam so tests can inject a full disk. */
export type WriteText = (file: string, text: string) => Promise<void>;

const writeText: WriteText = async (file, text) => {
  const handle = await open(file, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
};

function tempPrefix(file: string): string {
  return `.${basename(file)}.`;
}

async function writeDurably(file: string, text: string, write: WriteText): Promise<void> {
  const temp = join(dirname(file), `${tempPrefix(file)}${process.pid}.tmp`);
  try {
    await write(temp, text);
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

function lockPath(file: string): string {
  return `${file}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: a second emulator in the same process is refused too. */
const held = new Set<string>();

/** Creates the lock file with our pid; takes over a lock whose process is gone (kill -9). */
function takeLock(file: string): void {
  const lock = lockPath(file);
  if (held.has(lock))
    throw new StateFileError(`${file} is in use by another emulator in this process; use another --state file`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(lock);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST')
        throw new StateFileError(
          `cannot write beside ${file} (${code ?? String(error)}): the --state directory must be writable`,
        );
    }
    const holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
      throw new StateFileError(
        `${file} is in use by another emulator (process ${holder}, lock ${lock}); stop it or use another --state file`,
      );
    }
    unlinkSync(lock);
  }
  throw new StateFileError(`cannot take the lock ${lock}`);
}

/** Temp files of writes a crash interrupted: ours alone, since we hold the lock. */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = tempPrefix(file);
  const names = await readdir(dirname(file)).catch(() => []);
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
      .map((n) => unlink(join(dirname(file), n)).catch(() => undefined)),
  );
}

export interface StateFileOptions {
  /** Replaces the temp-file write (tests inject ENOSPC here). */
  write?: WriteText;
}

/** Saves states in the order given; each save resolves once its state is on disk. */
export class StateFile {
  readonly #file: string;
  readonly #write: WriteText;
  #queue: Promise<void> = Promise.resolve();
  #locked = false;

  constructor(file: string, options: StateFileOptions = {}) {
    this.#file = file;
    this.#write = options.write ?? writeText;
  }

  /**
   * Takes the lock (StateFileError when another emulator holds it or the directory is not writable)
   * and removes temp files a crash left. Released by `release`, or when the process exits.
   */
  async acquire(): Promise<void> {
    // A device or FIFO named by mistake: refused before any lock file is made beside it.
    const kind = await stat(this.#file).catch(() => undefined);
    if (kind && !kind.isFile()) throw new StateFileError(`cannot use ${this.#file}: it is not a regular file`);
    takeLock(this.#file);
    this.#locked = true;
    process.once('exit', this.release);
    await removeStaleTemps(this.#file);
  }

  readonly release = (): void => {
    if (!this.#locked) return;
    this.#locked = false;
    process.off('exit', this.release);
    held.delete(lockPath(this.#file));
    try {
      unlinkSync(lockPath(this.#file));
    } catch {
      // Already gone: nothing to release.
    }
  };

  save(state: ConfigState): Promise<void> {
    const text = JSON.stringify({ format: FORMAT, version: VERSION, state });
    const done = this.#queue.then(() => writeDurably(this.#file, text, this.#write));
    this.#queue = done.catch(() => undefined);
    return done;
  }
}
