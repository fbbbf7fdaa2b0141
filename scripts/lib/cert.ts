// A self-signed certificate for the fake meeting hosts, made at test time with openssl and kept
// out of git. Chromium is told to accept it (--ignore-certificate-errors), only in the browsers
// the tests and the demo start.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MEETING_HOSTS } from './hosts.ts';

export interface Cert {
  key: string;
  cert: string;
}

export function makeCert(dir: string): Cert {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  if (!(fs.existsSync(keyFile) && fs.existsSync(certFile))) {
    fs.mkdirSync(dir, { recursive: true });
    const san = MEETING_HOSTS.map((h) => `DNS:${h}`).join(',');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-sha256',
          '-days',
          '7',
          '-subj',
          '/CN=mentor-companion-fixtures',
          '-addext',
          `subjectAltName=${san}`,
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ],
        { stdio: 'pipe' },
      );
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(
        missing
          ? 'openssl is missing, and the fake meeting hosts need a certificate: install it (apt-get install openssl) and try again.'
          : `openssl could not make the test certificate (${String((error as Error).message).split('\n')[0]}); check that ${dir} is writable.`,
      );
    }
  }
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
}
