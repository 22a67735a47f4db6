// Reads a file the user named, safely: regular files only (a FIFO, a device such as /dev/zero or a
// directory is refused without blocking on it) and never more than a stated number of bytes. Used by
// lint, verify, replay and the emulator's --state file.
import { constants, openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Why the file was refused; `code` is the errno code (ENOENT, …) or one of ours. */
export class FileReadError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

// O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function refusal(file: string, error: unknown): FileReadError {
  if (error instanceof FileReadError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileReadError(code, code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code}`);
}

function checkStat(file: string, stat: { isFile(): boolean; size: number }, maxBytes: number): void {
  if (!stat.isFile()) throw new FileReadError('ENOTREG', `${file} is not a regular file`);
  if (stat.size > maxBytes)
    throw new FileReadError('ETOOBIG', `${file} is larger than ${maxBytes} bytes (${stat.size})`);
}

function tooBig(file: string, maxBytes: number): FileReadError {
  return new FileReadError('ETOOBIG', `${file} is larger than ${maxBytes} bytes`);
}

/** The bytes of `file`, a regular file of at most `maxBytes` bytes; FileReadError otherwise. */
export function readRegularFileSync(file: string, maxBytes: number): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(file, FLAGS);
    checkStat(file, fstatSync(fd), maxBytes);
    // The size may grow between fstat and read: read one byte past the cap to notice.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, fstatSync(fd).size + 1));
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw tooBig(file, maxBytes);
    return buffer.subarray(0, length);
  } catch (error) {
    throw refusal(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** As readRegularFileSync, without blocking the event loop. */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, FLAGS);
    const stat = await handle.stat();
    checkStat(file, stat, maxBytes);
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, stat.size + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooBig(file, maxBytes);
    return buffer.subarray(0, length);
  } catch (error) {
    throw refusal(file, error);
  } finally {
    await handle?.close();
  }
}
