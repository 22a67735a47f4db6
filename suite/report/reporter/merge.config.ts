// The config `playwright merge-reports --config suite/report/reporter/merge.config.ts DIR` reads (what
// `sps-conformance merge DIR` runs): html, junit and our certificate from the shards' blob reports.
// The shards' facts come with their blob reports (config metadata and attachments).
import { defineConfig } from '@playwright/test';
import { reportDir } from '../../target/settings.ts';
import { mergeReporters } from './reporter-list.ts';

export default defineConfig({
  reporter: mergeReporters(reportDir()),
});
