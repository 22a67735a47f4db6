// ajv validators compiled from schemas/*.schema.json. A validator answers a list of readable problems:
// empty means valid. Compiling every schema costs about 0.5 s, in every Playwright worker of every run;
// so ajv's standalone code for all of them is kept in the derived cache (contract/derived-cache.ts),
// named by ajv's version, the options and every schema file, and loaded in a few milliseconds.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { cachedDerivation } from './derived-cache.ts';
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

// The generated code requires ajv's runtime helpers and ajv-formats' formats: resolved from here.
const require = createRequire(import.meta.url);
// strictRequired off: composed schemas (allOf) require properties their base defines.
const OPTIONS = { allErrors: true, strict: true, strictRequired: false, code: { source: true } } as const;

let validators: Record<string, ValidateFunction> | undefined;

function schemaFiles(): { name: string; text: string }[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SCHEMA_DIR, name), 'utf8') }));
}

/** ajv's standalone module (CommonJS) exporting a validator per schema, by its $id. */
function standaloneSource(files: readonly { text: string }[]): string {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const standaloneCode = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
  const ajv = new Ajv2020(OPTIONS);
  addFormats(ajv);
  for (const file of files) ajv.addSchema(JSON.parse(file.text) as object);
  return standaloneCode.default(ajv);
}

/** Evaluates the standalone module; undefined when the text is not one (a damaged cache entry). */
function evaluate(source: string): Record<string, ValidateFunction> | undefined {
  try {
    const module = { exports: {} as Record<string, ValidateFunction> };
    new Function('require', 'module', 'exports', source)(require, module, module.exports);
    return Object.keys(module.exports).length > 0 ? module.exports : undefined;
  } catch {
    return undefined;
  }
}

function all(): Record<string, ValidateFunction> {
  if (validators) return validators;
  const files = schemaFiles();
  const version = (require('ajv/package.json') as { version: string }).version;
  const input = [`ajv ${version}`, JSON.stringify(OPTIONS), ...files.flatMap((f) => [f.name, f.text])].join('\n');
  let loaded: Record<string, ValidateFunction> | undefined;
  const usable = (text: string) => {
    loaded = evaluate(text);
    return loaded !== undefined;
  };
  const source = cachedDerivation(input, () => standaloneSource(files), usable);
  // Evaluated already when the entry came from disk; a fresh derivation (or this process's copy) is not.
  validators = loaded ?? evaluate(source);
  if (!validators) throw new Error(`the compiled validators of ${SCHEMA_DIR} do not load`);
  return validators;
}

function validator(name: SchemaName): ValidateFunction {
  const fn = all()[`${SCHEMA_BASE}${name}.schema.json`];
  if (!fn) throw new Error(`no schema named ${name} in ${SCHEMA_DIR}`);
  return fn;
}

/** Problems of `value` against schemas/<name>.schema.json, as "path: message" lines. */
export function schemaProblems(name: SchemaName, value: unknown): string[] {
  const fn = validator(name);
  if (fn(value)) return [];
  return (fn.errors ?? []).map((e) => `${name}${e.instancePath || ''}: ${e.message ?? 'invalid'}`);
}
