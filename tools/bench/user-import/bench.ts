import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '@border-academy/api-db';
import { createApiApp, loadApiConfig } from '@border-academy/api-platform';
import { SessionResponse, USER_IMPORT_COLUMNS, UserImport } from '@border-academy/shared-contracts';
import { Workbook } from 'exceljs';

import { API_FEATURES } from '../../../apps/api/src/features';

/** The issue's bar: 10,000 rows must import in under a minute. */
const LIMIT_MS = 60_000;
const UNITS = ['kz-border', 'kz-border-almaty', 'kz-border-turkistan', 'kz-customs', 'kz-migration'];

function rowsOf(count: number, run: string): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `bench.${run}.${index}`,
    `bench.${run}.${index}@example.kz`,
    `Bench Person ${index}`,
    `Тестовый Сотрудник ${index}`,
    index % 3 === 0 ? 'en' : 'ru',
    UNITS[index % UNITS.length] ?? 'kz',
    index % 2 === 0 ? 'first-line-border-guard' : '',
    index % 10 === 0 ? 'learner;trainer' : 'learner',
  ]);
}

function csvOf(rows: string[][]): Buffer {
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [USER_IMPORT_COLUMNS.join(','), ...rows.map((row) => row.map(quote).join(','))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('users');
  sheet.addRow([...USER_IMPORT_COLUMNS]);
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await action();
  return { result, ms: performance.now() - start };
}

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

/**
 * Measures a bulk import of users through the real API over HTTP: upload with the dry run, the
 * commit (polling its progress the way the web does), the same file again, and the same rows as
 * XLSX. Runs on DATABASE_URL when set (it must hold the demo data), otherwise on a fresh embedded
 * PostgreSQL in a temporary directory. Options: --rows N (10000), --as LOGIN (platform.admin).
 */
export default async function bench(args: string[]): Promise<number> {
  const count = Number(option(args, 'rows', '10000'));
  const login = option(args, 'as', 'platform.admin');
  const dataDir = process.env['DATABASE_URL'] ? null : mkdtempSync(join(tmpdir(), 'border-academy-bench-'));
  const config = loadApiConfig({
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    SEED_DEMO_DATA: 'true',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    ...(dataDir ? { DATA_DIR: dataDir, EMBEDDED_PG_PORT: process.env['EMBEDDED_PG_PORT'] ?? '54359' } : {}),
  });
  const app = await createApiApp({ config, features: API_FEATURES });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`Signing in as ${login} failed with ${signIn.status}`);
    const authorization = `Bearer ${((await signIn.json()) as SessionResponse).accessToken}`;

    const call = async (method: string, path: string, body?: Buffer): Promise<UserImport> => {
      const response = await fetch(`${base}/api/v1/user-imports${path}`, {
        method,
        headers: { authorization, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
        body,
      });
      if (!response.ok)
        throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as UserImport;
    };

    const rows = rowsOf(count, Date.now().toString(36));
    const csv = csvOf(rows);
    const xlsx = await xlsxOf(rows);

    const upload = await timed(() => call('POST', '?fileName=bench.csv', csv));
    if (upload.result.counts.create !== count) {
      throw new Error(`The dry run expected ${count} new users: ${JSON.stringify(upload.result.counts)}`);
    }
    const seen: number[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const state = await call('GET', `/${upload.result.id}`);
        if (state.status === 'committing') seen.push(state.progress);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const commit = await timed(() => call('POST', `/${upload.result.id}/commit`));
    polling = false;
    await poll;
    const again = await timed(() => call('POST', '?fileName=bench.csv', csv));
    const asXlsx = await timed(() => call('POST', '?fileName=bench.xlsx', xlsx));

    const total = upload.ms + commit.ms;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const figures: [string, string][] = [
      ['rows', String(count)],
      ['CSV size', `${(csv.length / 1024 / 1024).toFixed(2)} MiB`],
      ['XLSX size', `${(xlsx.length / 1024 / 1024).toFixed(2)} MiB`],
      ['upload + dry run (CSV)', seconds(upload.ms)],
      ['commit (one transaction)', seconds(commit.ms)],
      ['upload + dry run + commit', `${seconds(total)} (limit ${seconds(LIMIT_MS)})`],
      [
        'progress seen while committing',
        seen.length ? [...new Set(seen)].join(', ') : 'none (too fast to poll)',
      ],
      ['same file again: dry run', `${seconds(again.ms)}, ${JSON.stringify(again.result.counts)}`],
      ['upload + dry run (XLSX)', `${seconds(asXlsx.ms)}, ${JSON.stringify(asXlsx.result.counts)}`],
    ];
    const width = Math.max(...figures.map(([name]) => name.length));
    process.stdout.write(`${figures.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`);
    if (again.result.counts.unchanged !== count)
      throw new Error('The same file again did not leave every row unchanged');
    return total < LIMIT_MS ? 0 : 1;
  } finally {
    await app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
