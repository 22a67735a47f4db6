// Object keys: the emulator makes UUID v4 keys; any key a client sends must look like a key
// (UUIDs, the documents' 22-hex-digit keys and negative built-in keys like -100; decisions: envelopes).
import { randomUUID } from 'node:crypto';

export const KEY_FORMAT = /^[A-Za-z0-9-]{1,64}$/;

export function newKey(): string {
  return randomUUID();
}

export function isKeyFormat(value: string): boolean {
  return KEY_FORMAT.test(value);
}
