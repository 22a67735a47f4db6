// Which role may do what (decisions: roles). readonly may read everything but write nothing; none may
// only log in and out and read /api/info.
import { CONFIGURATION_PATH, INTEGRITY_PATH, TRANSACTION_PATH, UPLOAD_PATH } from '../contract/surface.ts';
import type { Role } from './sessions.ts';

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
/** /api/configuration, /api/upload, /api/plugin and /api/transaction, with everything below them. */
const CONFIGURATION_AREAS = [CONFIGURATION_PATH, parentOf(UPLOAD_PATH), parentOf(INTEGRITY_PATH), TRANSACTION_PATH];

function inArea(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}/`);
}

export function allowed(role: Role, path: string, write: boolean): boolean {
  if (role === 'admin') return true;
  if (role === 'none') return !CONFIGURATION_AREAS.some((area) => inArea(path, area));
  return !write;
}
