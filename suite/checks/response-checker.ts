// The one checker every response the suite receives goes through: the envelope for its kind
// (error, list, object, create/modify/delete answer) and the meta links for the path it answers.
// Every problem names the requirement it violates, so the documented envelope (error.type and
// error.message, the documented meta links) FAILs while our inferred additions (error.details, meta on
// error bodies, meta on the integrity answer, the PUT answer's shape) are graded as inferred.
import { metaLinkProblems, parentPath } from './meta-links.ts';
import { schemaProblems } from '../../contract/validators.ts';

export interface CheckedResponse {
  method: string;
  /** The request path, query string included. */
  path: string;
  status: number;
  contentType: string | undefined;
  json: unknown;
}

/** A problem of one answer, with the catalog id of the requirement it violates. */
export interface TaggedProblem {
  id: string;
  problem: string;
}

/** The ids this checker may name: every test carries them (specs/fixtures.ts). */
export const RESPONSE_CHECK_IDS = {
  envelope: 'META-ENVELOPE-001',
  contentType: 'ERROR-CONTENT-TYPE-001',
  serverError: 'ERROR-INTERNAL-001',
  errorEnvelope: 'ERROR-ENVELOPE-001',
  errorDetails: 'ERROR-DETAILS-001',
  errorMeta: 'ERROR-ENVELOPE-002',
  singletonMeta: 'META-SINGLETON-001',
  modifyAnswer: 'META-MODIFY-001',
} as const;
const ID = RESPONSE_CHECK_IDS;

type Json = Record<string, unknown>;

/** Paths whose answers carry only a short meta (no sibling links): singleton endpoints. */
const SHORT_META = [/^\/api\/authentication$/, /^\/api\/transaction(\/|$)/, /^\/api\/info$/];
/** Singletons whose documented answer shows no meta at all: the integrity sample is only { body }. */
const META_INFERRED = [/^\/api\/plugin\//, /^\/api\/authentication\//];
/** Singletons written with POST/PUT (login state, transaction): their answer's meta is their own path. */
const SINGLETON_WRITE = /^\/api\/(authentication|transaction)(\/|$)/;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathOnly(path: string): string {
  return path.split('?')[0]!.replace(/\/+$/, '');
}

const tag = (id: string, problems: readonly string[]): TaggedProblem[] => problems.map((problem) => ({ id, problem }));

function listProblems(json: Json, path: string): string[] {
  const problems = [...schemaProblems('list', json), ...metaLinkProblems(json.meta, path)];
  for (const item of Array.isArray(json.items) ? json.items : []) {
    const ref = item as { key?: unknown; meta?: { href?: unknown } };
    if (ref.meta?.href !== `${path}/${String(ref.key)}`)
      problems.push(`items: "${String(ref.meta?.href)}" is not ${path}/${String(ref.key)}`);
  }
  return problems;
}

function getProblems(json: Json, path: string): TaggedProblem[] {
  if (META_INFERRED.some((p) => p.test(path))) {
    return 'meta' in json
      ? tag(ID.singletonMeta, [...schemaProblems('meta', json.meta), ...metaLinkProblems(json.meta, path)])
      : [];
  }
  if (SHORT_META.some((p) => p.test(path)))
    return tag(ID.envelope, [...schemaProblems('meta', json.meta), ...metaLinkProblems(json.meta, path)]);
  if ('items' in json) return tag(ID.envelope, listProblems(json, path));
  return tag(ID.envelope, [...schemaProblems('object', json), ...metaLinkProblems(json.meta, path)]);
}

/** A create/modify answer: { key, meta: { href: <collection>/<key>, parent } }. */
function writeAnswerProblems(json: Json): string[] {
  const meta = json.meta as Json | undefined;
  if (typeof json.key !== 'string' || !isObject(meta)) return ['write answer: expected { key, meta }'];
  const problems = schemaProblems('meta', meta);
  const href = typeof meta.href === 'string' ? meta.href : '';
  if (!href.endsWith(`/${json.key}`)) problems.push(`meta.href: "${href}" does not end with the key "${json.key}"`);
  if ('parent' in meta && meta.parent !== parentPath(href))
    problems.push(`meta.parent: expected ${JSON.stringify(parentPath(href))}`);
  return problems;
}

/** The documented error envelope (error.type, error.message), then our inferred additions. */
/** The observed error envelope (ERROR-ENVELOPE-001): an error object with a type and a message. */
export function errorEnvelopeProblems(json: unknown): string[] {
  if (!isObject(json)) return ['body: not a JSON object'];
  const error = json.error;
  if (!isObject(error)) return ['error: missing or not an object'];
  const documented: string[] = [];
  if (typeof error.type !== 'string' || error.type === '') documented.push('error.type: expected a non-empty string');
  if (typeof error.message !== 'string') documented.push('error.message: expected a string');
  return documented;
}

function errorAnswerProblems(json: Json, path: string): TaggedProblem[] {
  const error = json.error;
  if (!isObject(error)) return tag(ID.errorEnvelope, ['error: missing or not an object']);
  const problems = tag(ID.errorEnvelope, errorEnvelopeProblems(json));
  if (!isObject(error.details)) problems.push({ id: ID.errorDetails, problem: 'error.details: expected an object' });
  if ('meta' in json)
    problems.push(
      ...tag(
        ID.errorMeta,
        metaLinkProblems(json.meta, path).filter((p) => p.startsWith('meta.href') || p.startsWith('meta:')),
      ),
    );
  return problems;
}

export function taggedResponseProblems(res: CheckedResponse): TaggedProblem[] {
  const path = pathOnly(res.path);
  if (res.status >= 500) return [{ id: ID.serverError, problem: `HTTP ${res.status}: a server error` }];
  if (res.status === 100 || res.status === 204) return [];
  if (!(res.contentType ?? '').toLowerCase().startsWith('application/json')) {
    return [
      {
        id: ID.contentType,
        problem: `content-type: expected application/json, got ${JSON.stringify(res.contentType)}`,
      },
    ];
  }
  if (!isObject(res.json))
    return [{ id: res.status >= 400 ? ID.errorEnvelope : ID.envelope, problem: 'body: not a JSON object' }];
  if (res.status >= 400) return errorAnswerProblems(res.json, path);
  if (res.method === 'GET') return getProblems(res.json, path);
  if (res.method === 'DELETE' || SINGLETON_WRITE.test(path)) {
    return tag(ID.envelope, [
      ...schemaProblems('meta', res.json.meta),
      ...metaLinkProblems(res.json.meta, path).filter((p) => p.startsWith('meta.href')),
    ]);
  }
  return tag(res.method === 'PUT' ? ID.modifyAnswer : ID.envelope, writeAnswerProblems(res.json));
}

/** The same problems as plain lines (for `diff`, which compares two targets rather than grading one). */
export function responseProblems(res: CheckedResponse): string[] {
  return taggedResponseProblems(res)
    .filter((p) => p.id !== ID.serverError)
    .map((p) => p.problem);
}
