import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The workspace version; the API runs from the repository root (or a copy of its package.json). */
function readVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const APP_VERSION = readVersion();
