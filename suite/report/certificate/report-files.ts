// Writes the certificate in its three forms into the report dir.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from './certificate.ts';
import { certificateHtml } from './certificate-html.ts';
import { certificateMarkdown } from './certificate-markdown.ts';

export const CERTIFICATE_FILES = {
  json: 'certificate.json',
  markdown: 'certificate.md',
  html: 'certificate.html',
} as const;

export function writeCertificate(dir: string, certificate: Certificate): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CERTIFICATE_FILES.json), `${JSON.stringify(certificate, null, 2)}\n`);
  writeFileSync(join(dir, CERTIFICATE_FILES.markdown), certificateMarkdown(certificate));
  writeFileSync(join(dir, CERTIFICATE_FILES.html), certificateHtml(certificate));
  return join(dir, CERTIFICATE_FILES.json);
}
