// Which role may do what (decisions: roles). readonly may read everything but write nothing; none may
// only log in and out and read /api/info.
import type { Role } from './sessions.ts';

const CONFIGURATION_AREAS = ['/api/configuration', '/api/upload', '/api/plugin', '/api/transaction'];

function inArea(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}/`);
}

export function allowed(role: Role, path: string, write: boolean): boolean {
  if (role === 'admin') return true;
  if (role === 'none') return !CONFIGURATION_AREAS.some((area) => inArea(path, area));
  return !write;
}
