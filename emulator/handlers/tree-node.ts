// A node of the configuration tree (/api/configuration/plugins, /api/configuration/policies): GET lists its
// children, and its own meta links go to its siblings, the other /api/configuration endpoints (seed 003).
import { CONFIGURATION_PATH } from '../../contract/surface.ts';
import { listBody } from '../list-reply.ts';
import type { Route } from '../route-table.ts';
import { CONFIGURATION_CHILDREN, childHrefs } from '../tree.ts';
import { noQuery } from './query.ts';

/** `version` changes whenever `children` may (the profile, or the fixed list itself). */
export function treeNodeRoute(path: string, version: object, children: () => readonly string[]): Route {
  const siblings = childHrefs(CONFIGURATION_PATH, CONFIGURATION_CHILDREN);
  return {
    method: 'GET',
    path,
    auth: 'session',
    handle: (ctx) =>
      noQuery(ctx) ?? {
        status: 200,
        body: listBody(ctx, version, path, CONFIGURATION_PATH, children, siblings),
      },
  };
}
