// The config `playwright merge-reports --config suite/report/reporter/merge.config.ts DIR` reads (what
// `sps-conformance merge DIR` runs): html, junit and our certificate from the shards' blob reports.
// SPS_BLOB_DIR must name DIR, so our reporter finds the shards' facts there.
import { defineConfig } from '@playwright/test';
import { blobDir, reportDir } from '../../target/settings.ts';
import { mergeReporters } from './reporter-list.ts';

export default defineConfig({
  reporter: mergeReporters(reportDir(), blobDir()),
});
