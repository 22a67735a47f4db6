// The documents the requirement catalog cites and where a reader finds each (schemas/sources.yaml):
// a public URL, or a file that ships with the suite. Reports link a requirement's source through it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_DIR } from './schema-dir.ts';

export interface CitedDocument {
  /** The text a requirement's `source` uses to name the document, e.g. "seeds/002". */
  cites: string;
  title: string;
  /** A public URL; absent for a document that ships with the suite. */
  url?: string;
  /** The document's path inside the suite, when it ships with it. */
  shipped?: string;
  note?: string;
}

let loaded: CitedDocument[] | undefined;

export function citedDocuments(): CitedDocument[] {
  loaded ??= (parse(readFileSync(join(SCHEMA_DIR, 'sources.yaml'), 'utf8')) as { documents: CitedDocument[] })
    .documents;
  return loaded;
}

/** "seeds/001-004" names seeds 001, 002, 003 and 004. */
function expandSeedRanges(source: string): string {
  return source.replace(/seeds\/(\d{3})-(\d{3})/g, (whole, from: string, to: string) => {
    const names: string[] = [];
    for (let n = Number(from); n <= Number(to) && names.length < 10; n++)
      names.push(`seeds/${String(n).padStart(3, '0')}`);
    return names.length ? names.join(' ') : whole;
  });
}

/** The documents a source text names, in the order it names them. */
export function documentsCitedBy(source: string): CitedDocument[] {
  const text = expandSeedRanges(source);
  return citedDocuments()
    .map((d) => ({ d, at: text.indexOf(d.cites) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.d);
}
