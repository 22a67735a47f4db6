// GET /api/info: the part anyone may read (sps-api-facts.md §1.10). Also the emulator's readiness probe.
import { API_ROOT, INFO_PATH } from '../../contract/surface.ts';
import type { Route } from '../route-table.ts';

export const infoRoutes: Route[] = [
  {
    method: 'GET',
    path: INFO_PATH,
    auth: 'none',
    handle: () => ({
      status: 200,
      body: {
        domainname: 'emulator.invalid',
        hostname: 'sps-conformance-emulator',
        nickname: 'sps-conformance reference emulator',
        support_link: 'https://support.oneidentity.com/',
        meta: { href: INFO_PATH, parent: API_ROOT },
      },
    }),
  },
];
