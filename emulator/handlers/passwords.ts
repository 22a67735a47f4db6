// /api/configuration/passwords (sps-api-facts §8.4): POST {"plain"} or {"hash"} creates one; GET <key>
// shows that it exists, never the secret; listing, PUT and DELETE are not permitted (the router's 405).
import { createHash } from 'node:crypto';
import { apiError, semanticError } from '../errors.ts';
import { readJsonObject, type JsonObject } from '../json-body.ts';
import { isKeyFormat, newKey } from '../keys.ts';
import { PASSWORDS_PATH, TRANSACTION_PATH } from '../../contract/surface.ts';
import { siblingMeta } from '../meta.ts';
import { NON_EMPTY, stringProblem, unknownFields, type FieldProblem } from '../payload-checks.ts';
import type { Route } from '../route-table.ts';
import { withPassword } from '../state.ts';
import { viewOf, withRemainingSeconds } from '../view.ts';
import { beginWrite } from '../writes.ts';

function passwordProblems(input: JsonObject): FieldProblem[] {
  const given = ['plain', 'hash'].filter((f) => input[f] !== undefined);
  const unknown = unknownFields(input, ['plain', 'hash']);
  if (given.length !== 1)
    return [{ field: 'plain', message: "Give exactly one of the 'plain' and 'hash' fields" }, ...unknown];
  return [...unknown, ...stringProblem(input[given[0]!], given[0]!, NON_EMPTY)];
}

/** Only a digest is kept: the plain text never reaches the state (or the state file). */
function digest(input: JsonObject): string {
  if (typeof input.hash === 'string') return input.hash;
  return createHash('sha256').update(String(input.plain), 'utf8').digest('hex');
}

export const passwordRoutes: Route[] = [
  {
    method: 'POST',
    path: PASSWORDS_PATH,
    auth: 'session',
    write: true,
    handle: async (ctx) => {
      const start = beginWrite(ctx);
      if (!start.ok) return start.reply;
      const input = await readJsonObject(ctx);
      if (!input.ok) return input.reply;
      const problems = passwordProblems(input.value);
      if (problems.length > 0) return semanticError(ctx.path, problems);
      const again = beginWrite(ctx);
      if (!again.ok) return again.reply;
      const key = newKey();
      again.save(withPassword(again.base, { key, sha256: digest(input.value) }));
      return {
        status: 201,
        body: {
          key,
          meta: { href: `${PASSWORDS_PATH}/${key}`, parent: PASSWORDS_PATH, transaction: TRANSACTION_PATH },
        },
      };
    },
  },
  {
    method: 'GET',
    path: `${PASSWORDS_PATH}/:key`,
    auth: 'session',
    handle: (ctx) => {
      const key = ctx.params.key ?? '';
      const passwords = viewOf(ctx).passwords;
      if (!isKeyFormat(key) || !passwords.some((p) => p.key === key)) {
        return apiError(404, 'NotFound', 'The requested object does not exist', ctx.path);
      }
      const siblings = passwords.map((p) => `${PASSWORDS_PATH}/${p.key}`);
      return {
        status: 200,
        body: {
          key,
          body: {},
          meta: withRemainingSeconds(ctx, siblingMeta(`${PASSWORDS_PATH}/${key}`, PASSWORDS_PATH, siblings)),
        },
      };
    },
  },
];
