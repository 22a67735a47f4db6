// Where the shared research (vendor pages, real plugins) lies for the tests that read it: the folder
// beside the repo, or SPS_SHARED_DIR. A missing folder fails those tests loudly, never skips them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../suite/target/settings.ts';

/** The absolute path of `parts` inside the shared folder; throws a clear error when it is not there. */
export function sharedPath(...parts: string[]): string {
  const path = join(sharedDir(), ...parts);
  if (!existsSync(path))
    throw new Error(
      `the shared research folder ${path} is missing: check out shared/ beside the repo or set SPS_SHARED_DIR`,
    );
  return path;
}
