// The certificate's own hash: SHA-256 over the canonical JSON of the certificate without its
// `integrity` member. It shows a certificate was not edited after the run; it is not a signature
// (anyone can recompute it), so it proves nothing about who produced the file.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const CANONICALIZATION = 'RFC 8785 (JCS) of the certificate without "integrity"';

export interface Integrity {
  algorithm: 'sha256';
  canonicalization: typeof CANONICALIZATION;
  value: string;
}

export function contentHash(document: Record<string, unknown>): string {
  const { integrity: _ignored, ...rest } = document;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** `document` with its integrity member set; any earlier one is replaced. */
export function seal<T extends Record<string, unknown>>(document: T): T & { integrity: Integrity } {
  return {
    ...document,
    integrity: { algorithm: 'sha256', canonicalization: CANONICALIZATION, value: contentHash(document) },
  };
}

export type SealCheck =
  | { state: 'intact' }
  | { state: 'altered'; recorded: string; actual: string }
  | { state: 'unsealed' };

export function checkSeal(document: Record<string, unknown>): SealCheck {
  const recorded = (document.integrity as { value?: unknown } | undefined)?.value;
  if (typeof recorded !== 'string') return { state: 'unsealed' };
  const actual = contentHash(document);
  return actual === recorded ? { state: 'intact' } : { state: 'altered', recorded, actual };
}
