// TLS material for --tls (a self-signed certificate made at start-up) or --cert/--key files.
import { readFile } from 'node:fs/promises';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
}

export async function selfSignedTls(host: string): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'sps-conformance-emulator' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          ...(/^[\d.]+$|:/.test(host) ? [] : [{ type: 2 as const, value: host }]),
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export async function tlsFromFiles(certFile: string, keyFile: string): Promise<TlsMaterial> {
  return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') };
}
