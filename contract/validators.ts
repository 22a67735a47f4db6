// ajv validators compiled once from schemas/*.schema.json. A validator answers a list of readable
// problems: empty means valid.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SCHEMA_DIR } from './schema-dir.ts';

export const SCHEMA_BASE = 'https://sps-conformance.local/schemas/';

export type SchemaName =
  | 'meta'
  | 'navigation-meta'
  | 'list'
  | 'reference'
  | 'object'
  | 'error'
  | 'authentication'
  | 'plugin'
  | 'plugin-extended'
  | (string & {});

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  // strictRequired off: composed schemas (allOf) require properties their base defines.
  ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  for (const file of readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object);
  }
  return ajv;
}

function validator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = instance().getSchema(`${SCHEMA_BASE}${name}.schema.json`);
    if (!fn) throw new Error(`no schema named ${name} in ${SCHEMA_DIR}`);
    compiled.set(name, fn);
  }
  return fn;
}

/** Problems of `value` against schemas/<name>.schema.json, as "path: message" lines. */
export function schemaProblems(name: SchemaName, value: unknown): string[] {
  const fn = validator(name);
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${name}${e.instancePath || ''}: ${e.message ?? 'invalid'}`);
}
