// The OpenAPI document of the contract (schemas/openapi.yaml), typed by openapi-types, and the list of
// its operations and documented responses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { parsedYaml } from './parsed-yaml.ts';
import { SCHEMA_DIR } from './schema-dir.ts';

export const OPENAPI_FILE = join(SCHEMA_DIR, 'openapi.yaml');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof METHODS)[number];

/** A response as documented, with the suite's extensions. */
export type DocumentedResponse = OpenAPIV3_1.ResponseObject & {
  'x-requirements'?: string[];
  'x-error-codes'?: string[];
};

export interface Operation {
  method: HttpMethod;
  path: string;
  operation: OpenAPIV3_1.OperationObject;
}

export function loadOpenApi(file: string = OPENAPI_FILE): OpenAPIV3_1.Document {
  return parsedYaml(readFileSync(file, 'utf8')) as OpenAPIV3_1.Document;
}

export function listOperations(doc: OpenAPIV3_1.Document): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (operation) operations.push({ method, path, operation });
    }
  }
  return operations;
}

/** The documented responses of an operation, by status code (references are not used in this document). */
export function responsesOf(op: Operation): Array<[status: string, response: DocumentedResponse]> {
  return Object.entries(op.operation.responses ?? {}).map(([status, response]) => [
    status,
    response as DocumentedResponse,
  ]);
}

const SCHEMA_FILE = /^(?:\.\/)?([a-z0-9-]+)\.schema\.json(#.*)?$/;

/** Rewrites a $ref to one of the JSON Schema files into a pointer at its copy under components/schemas. */
function localRef(ref: string, self: string): string {
  // Inside a schema file, "#/..." points into that schema; in the OpenAPI document itself it stays.
  if (ref.startsWith('#')) return self ? `#/components/schemas/${self}${ref.slice(1)}` : ref;
  const match = SCHEMA_FILE.exec(ref);
  if (!match) return ref;
  return `#/components/schemas/${match[1]}${match[2]?.slice(1) ?? ''}`;
}

function rewriteRefs(value: unknown, self: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, self));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // $id would make a resolver fetch sibling schemas from the (fictitious) $id host.
    if (key === '$id' || key === '$schema') continue;
    out[key] = key === '$ref' && typeof v === 'string' ? localRef(v, self) : rewriteRefs(v, self);
  }
  return out;
}

/**
 * The document with every JSON Schema it uses copied under components/schemas: one self-contained
 * file, as tools that do not follow the schemas' $id (e.g. OpenAPI validators) need it.
 */
export function bundledOpenApi(file: string = OPENAPI_FILE): OpenAPIV3_1.Document {
  const doc = rewriteRefs(loadOpenApi(file), '') as OpenAPIV3_1.Document;
  const schemas: Record<string, OpenAPIV3_1.SchemaObject> = {};
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'))) {
    const id = name.replace(/\.schema\.json$/, '');
    schemas[id] = rewriteRefs(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')), id) as OpenAPIV3_1.SchemaObject;
  }
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, ...schemas } } };
}
