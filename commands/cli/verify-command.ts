// `sps-conformance verify FILE`: was this certificate altered since the run wrote it, and was it made
// by the suite installed here? Exit 0 intact, 1 altered, 2 usage error (unreadable or unsealed file),
// 3 cannot be checked (nested too deep, or the check itself failed): never reported as "altered".
import { FileReadError, readRegularFileSync } from '../../contract/regular-file.ts';
import { schemaProblems } from '../../contract/validators.ts';
import { checkSeal } from '../../suite/report/certificate/seal.ts';
import { suiteHash } from '../../suite/report/certificate/suite-hash.ts';
import { UsageError } from './usage-error.ts';

export const VERIFY_EXIT = { intact: 0, altered: 1, uncheckable: 3 } as const;
/** A certificate of every requirement is a few MiB at most. */
const CERTIFICATE_MAX_BYTES = 64 * 1024 * 1024;
/** A certificate nests about six levels deep; far deeper is not a certificate and would exhaust the stack. */
const MAX_DEPTH = 64;

function readDocument(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readRegularFileSync(file, CERTIFICATE_MAX_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw new UsageError(error.message);
    throw error;
  }
  const depth = jsonDepth(text);
  if (depth > MAX_DEPTH)
    throw new DepthError(`it nests ${depth} levels deep; a certificate nests a few, at most ${MAX_DEPTH}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new UsageError(`${file} is not a certificate (not a JSON object)`);
  return doc as Record<string, unknown>;
}

function suiteLine(doc: Record<string, unknown>): string {
  const recorded = (doc.suite as { contentHash?: { value?: unknown } } | undefined)?.contentHash?.value;
  const installed = suiteHash().value;
  if (typeof recorded !== 'string') return 'suite: the certificate names no suite content hash';
  return recorded === installed
    ? `suite: content hash matches the installed suite (${installed})`
    : `suite: content hash DIFFERS from the installed suite (certificate ${recorded}, installed ${installed}): it was made by other checks than the ones here`;
}

/** How deeply `text` nests arrays and objects, counted without recursion (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

function uncheckable(file: string, why: string): number {
  process.stdout.write(`${file}: CANNOT CHECK (${why})\n`);
  return VERIFY_EXIT.uncheckable;
}

export function verifyCommand(file: string): number {
  let doc: Record<string, unknown>;
  try {
    doc = readDocument(file);
  } catch (error) {
    if (error instanceof DepthError) return uncheckable(file, error.message);
    throw error;
  }
  try {
    return verifyDocument(file, doc);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return uncheckable(file, `the check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

class DepthError extends Error {}

function verifyDocument(file: string, doc: Record<string, unknown>): number {
  const seal = checkSeal(doc);
  if (seal.state === 'unsealed')
    throw new UsageError(`${file} has no integrity value: not a certificate written by sps-conformance`);
  const lines =
    seal.state === 'intact'
      ? [`${file}: INTACT (sha256 of its canonical JSON matches its integrity value)`]
      : [`${file}: ALTERED (integrity says ${seal.recorded}, the content hashes to ${seal.actual})`];
  lines.push(suiteLine(doc));
  const problems = schemaProblems('certificate', doc);
  lines.push(
    problems.length
      ? `schema: ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}`
      : 'schema: valid (schemas/certificate.schema.json)',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return seal.state === 'intact' ? VERIFY_EXIT.intact : VERIFY_EXIT.altered;
}
