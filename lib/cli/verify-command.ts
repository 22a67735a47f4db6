// `sps-conformance verify FILE`: was this certificate altered since the run wrote it, and was it made
// by the suite installed here? Exit 0 intact, 1 altered, 2 usage error (unreadable or unsealed file).
import { readFileSync } from 'node:fs';
import { schemaProblems } from '../contract/validators.ts';
import { checkSeal } from '../report/integrity.ts';
import { suiteHash } from '../report/suite-hash.ts';
import { UsageError } from './usage-error.ts';

function readDocument(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(error)}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${file} is not a certificate (not a JSON object)`);
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

export function verifyCommand(file: string): number {
  const doc = readDocument(file);
  const seal = checkSeal(doc);
  if (seal.state === 'unsealed') throw new UsageError(`${file} has no integrity value: not a certificate written by sps-conformance`);
  const lines =
    seal.state === 'intact'
      ? [`${file}: INTACT (sha256 of its canonical JSON matches its integrity value)`]
      : [`${file}: ALTERED (integrity says ${seal.recorded}, the content hashes to ${seal.actual})`];
  lines.push(suiteLine(doc));
  const problems = schemaProblems('certificate', doc);
  lines.push(problems.length ? `schema: ${problems.length} problem(s): ${problems.slice(0, 5).join('; ')}` : 'schema: valid (schemas/certificate.schema.json)');
  process.stdout.write(`${lines.join('\n')}\n`);
  return seal.state === 'intact' ? 0 : 1;
}
