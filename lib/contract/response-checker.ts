// The one checker every response the suite receives goes through: the envelope for its kind
// (error, list, object, create/modify/delete answer) and the meta links for the path it answers.
import { metaLinkProblems, parentPath } from './meta-links.ts';
import { schemaProblems } from './validators.ts';

export interface CheckedResponse {
  method: string;
  /** The request path, query string included. */
  path: string;
  status: number;
  contentType: string | undefined;
  json: unknown;
}

type Json = Record<string, unknown>;

/** Paths whose answers carry only a short meta (no sibling links): singleton endpoints. */
const SHORT_META = [/^\/api\/authentication(\/|$)/, /^\/api\/transaction(\/|$)/, /^\/api\/plugin\//, /^\/api\/info$/];
/** Singletons written with POST/PUT (login state, transaction): their answer's meta is their own path. */
const SINGLETON_WRITE = /^\/api\/(authentication|transaction)(\/|$)/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathOnly(path: string): string {
  return path.split('?')[0]!.replace(/\/+$/, '');
}

function listProblems(json: Json, path: string): string[] {
  const problems = [...schemaProblems('list', json), ...metaLinkProblems(json.meta, path)];
  for (const item of Array.isArray(json.items) ? json.items : []) {
    const ref = item as { key?: unknown; meta?: { href?: unknown } };
    if (ref.meta?.href !== `${path}/${String(ref.key)}`) problems.push(`items: "${String(ref.meta?.href)}" is not ${path}/${String(ref.key)}`);
  }
  return problems;
}

function getProblems(json: Json, path: string): string[] {
  if (SHORT_META.some((p) => p.test(path))) return [...schemaProblems('meta', json.meta), ...metaLinkProblems(json.meta, path)];
  if ('items' in json) return listProblems(json, path);
  return [...schemaProblems('object', json), ...metaLinkProblems(json.meta, path)];
}

/** A create/modify answer: { key, meta: { href: <collection>/<key>, parent } }. */
function writeAnswerProblems(json: Json): string[] {
  const meta = json.meta as Json | undefined;
  if (typeof json.key !== 'string' || !isObject(meta)) return ['write answer: expected { key, meta }'];
  const problems = schemaProblems('meta', meta);
  const href = typeof meta.href === 'string' ? meta.href : '';
  if (!href.endsWith(`/${json.key}`)) problems.push(`meta.href: "${href}" does not end with the key "${json.key}"`);
  if ('parent' in meta && meta.parent !== parentPath(href)) problems.push(`meta.parent: expected ${JSON.stringify(parentPath(href))}`);
  return problems;
}

export function responseProblems(res: CheckedResponse): string[] {
  const path = pathOnly(res.path);
  if (res.status === 100 || res.status === 204) return [];
  if (!(res.contentType ?? '').toLowerCase().startsWith('application/json')) {
    return [`content-type: expected application/json, got ${JSON.stringify(res.contentType)}`];
  }
  if (!isObject(res.json)) return ['body: not a JSON object'];
  if (res.status >= 400) {
    const problems = schemaProblems('error', res.json);
    return 'meta' in res.json ? [...problems, ...metaLinkProblems(res.json.meta, path).filter((p) => p.startsWith('meta.href'))] : problems;
  }
  if (res.method === 'GET') return getProblems(res.json, path);
  if (res.method === 'DELETE' || SINGLETON_WRITE.test(path)) {
    return [...schemaProblems('meta', res.json.meta), ...metaLinkProblems(res.json.meta, path).filter((p) => p.startsWith('meta.href'))];
  }
  return writeAnswerProblems(res.json);
}
