// The certificate's seal: SHA-256 over the canonical JSON of the certificate without the member that holds
// the seal. The member keeps its name `integrity` (certificate.schema.json, `verify` and certificates already
// issued read it); in code it is the seal, so "integrity" means only the plugin-integrity endpoint. It shows a certificate was not edited after the run; it is not a signature
// (anyone can recompute it), so it proves nothing about who produced the file.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const CANONICALIZATION = 'RFC 8785 (JCS) of the certificate without "integrity"';

/** The seal as the certificate records it (under `integrity`). */
export interface Seal {
  algorithm: 'sha256';
  canonicalization: typeof CANONICALIZATION;
  value: string;
}

/** The seal's value: not the suite's content hash (suite-hash.ts), which covers the suite's files. */
export function sealValue(document: Record<string, unknown>): string {
  const { integrity: _ignored, ...rest } = document;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** `document` with its seal set; any earlier one is replaced. */
export function seal<T extends Record<string, unknown>>(document: T): T & { integrity: Seal } {
  return {
    ...document,
    integrity: { algorithm: 'sha256', canonicalization: CANONICALIZATION, value: sealValue(document) },
  };
}

export type SealCheck =
  | { state: 'intact' }
  | { state: 'altered'; recorded: string; actual: string }
  | { state: 'unsealed' };

export function checkSeal(document: Record<string, unknown>): SealCheck {
  const recorded = (document.integrity as { value?: unknown } | undefined)?.value;
  if (typeof recorded !== 'string') return { state: 'unsealed' };
  const actual = sealValue(document);
  return actual === recorded ? { state: 'intact' } : { state: 'altered', recorded, actual };
}
