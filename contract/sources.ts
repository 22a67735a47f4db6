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

/** The documents a source text names, in the order it names them. */
export function documentsCitedBy(source: string): CitedDocument[] {
  return citedDocuments()
    .map((d) => ({ d, at: source.indexOf(d.cites) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.d);
}
