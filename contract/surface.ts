// The API surface, read from schemas/openapi.yaml and nowhere else: the paths every app uses, the operations,
// and the resource families (the policy collections marked x-family). A path constant here names the
// operation it comes from, so renaming a path in the document moves every user with it.
import { listOperations, loadOpenApi, type Operation } from './openapi.ts';

const DOCUMENT = loadOpenApi();

/** Every documented operation (method and OpenAPI path, with {param} placeholders). */
export const OPERATIONS: readonly Operation[] = listOperations(DOCUMENT);

function operationNamed(operationId: string): Operation {
  const operation = OPERATIONS.find((o) => o.operation.operationId === operationId);
  if (!operation) throw new Error(`schemas/openapi.yaml has no operation ${operationId}`);
  return operation;
}

function pathOf(operationId: string): string {
  return operationNamed(operationId).path;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

export const INFO_PATH = pathOf('getInfo');
export const API_ROOT = parentOf(INFO_PATH);
export const AUTHENTICATION_PATH = pathOf('login');
export const LOGIN_METHODS_PATH = pathOf('getLoginMethods');
export const TRANSACTION_PATH = pathOf('getTransaction');
export const PLUGINS_PATH = pathOf('listPluginTypes');
export const CONFIGURATION_PATH = parentOf(PLUGINS_PATH);
export const UPLOAD_PATH = pathOf('uploadPlugin');
export const INTEGRITY_PATH = pathOf('checkPluginIntegrity');
export const POLICIES_PATH = pathOf('listPolicyCollections');
export const PASSWORDS_PATH = pathOf('createPassword');

/** The name of a resource family: its collection's last path segment, e.g. usermapping_policies. */
export type FamilyName = string;

/** A policy collection the suite covers end to end, as its x-family extension declares it. */
export interface ResourceFamily {
  name: FamilyName;
  /** The collection, e.g. /api/configuration/policies/usermapping_policies. */
  path: string;
  /** The JSON Schema files (under schemas/) of a create/modify body and of a stored object's body. */
  requestSchema: string;
  objectSchema: string;
  /** Every catalog id of the family starts with this and a dash, e.g. USERMAP. */
  requirementPrefix: string;
}

interface FamilyExtension {
  requirements: string;
}

function schemaFile(schema: unknown): string {
  const ref = JSON.stringify(schema ?? {}).match(/"\$ref":"\.\/([a-z0-9-]+\.schema\.json)"/);
  if (!ref) throw new Error(`schemas/openapi.yaml: no schema file in ${JSON.stringify(schema)}`);
  return ref[1]!;
}

function familyOf(path: string, extension: FamilyExtension): ResourceFamily {
  const item = DOCUMENT.paths?.[path];
  const object = DOCUMENT.paths?.[`${path}/{key}`];
  const request = (item?.post?.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  const shown = (object?.get?.responses?.['200'] as { content?: Record<string, { schema?: unknown }> } | undefined)
    ?.content;
  return {
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    requestSchema: schemaFile(request?.['application/json']?.schema),
    // The object's answer is the object envelope with the family's schema under `body`.
    objectSchema: schemaFile(
      (shown?.['application/json']?.schema as { properties?: { body?: unknown } } | undefined)?.properties?.body,
    ),
    requirementPrefix: extension.requirements,
  };
}

/** The resource families, in tree (name) order. */
export const RESOURCE_FAMILIES: readonly ResourceFamily[] = Object.entries(DOCUMENT.paths ?? {})
  .flatMap(([path, item]) => {
    const extension = (item as { 'x-family'?: FamilyExtension } | undefined)?.['x-family'];
    return extension ? [familyOf(path, extension)] : [];
  })
  .sort((a, b) => (a.name < b.name ? -1 : 1));

export const FAMILY_NAMES: readonly FamilyName[] = RESOURCE_FAMILIES.map((f) => f.name);

export function familyNamed(name: FamilyName): ResourceFamily {
  const family = RESOURCE_FAMILIES.find((f) => f.name === name);
  if (!family) throw new Error(`no resource family ${name} in schemas/openapi.yaml`);
  return family;
}

/** The collection path of a family, e.g. familyPath('credentialstores'). */
export function familyPath(name: FamilyName): string {
  return familyNamed(name).path;
}
