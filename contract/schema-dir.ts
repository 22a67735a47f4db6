// Where the contract's data files live, found from this file so any working directory works.
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));
