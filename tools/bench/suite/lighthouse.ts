import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Flags, Result, RunnerResult } from 'lighthouse';
import type { Browser, Page } from 'puppeteer-core';

import { Measure } from './measure';

/** A page of the web app to audit; `login` signs that user in first, none audits it signed out. */
export interface AuditedPage {
  name: string;
  path: string;
  login?: string;
}

export interface LighthouseRow {
  scenario: string;
  /** Only when the audit could not run: one error, so that the smoke fails on it. */
  measure?: Measure;
  figure: string;
  target: string;
  met: boolean;
}

const PERFORMANCE_TARGET = 90;
const ACCESSIBILITY_TARGET = 95;
const TARGET = `performance ≥ ${PERFORMANCE_TARGET}, accessibility ≥ ${ACCESSIBILITY_TARGET}`;
const FAILED: Measure = { requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, errors: 1, total: 1 };
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Lighthouse and puppeteer-core are ES modules, and TypeScript turns `import()` into `require()` when
 * it compiles to CommonJS, as the suite does; this keeps Node's own `import()`. Puppeteer is the copy
 * Lighthouse depends on, so the two always speak the same protocol version.
 */
async function loadModules(): Promise<{
  lighthouse: (url: string, flags: Flags, config: undefined, page: Page) => Promise<RunnerResult | undefined>;
  launch: (options: Record<string, unknown>) => Promise<Browser>;
}> {
  const nativeImport = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<{ default: never }>;
  const lighthouseEntry = require.resolve('lighthouse');
  const puppeteerEntry = createRequire(lighthouseEntry).resolve('puppeteer-core');
  const [lighthouse, puppeteer] = await Promise.all([
    nativeImport(pathToFileURL(lighthouseEntry).href),
    nativeImport(pathToFileURL(puppeteerEntry).href),
  ]);
  return {
    lighthouse: lighthouse.default,
    launch: (options) => (puppeteer.default as { launch: (o: unknown) => Promise<Browser> }).launch(options),
  };
}

const score = (lhr: Result, category: string) => Math.round(100 * (lhr.categories[category]?.score ?? 0));

function metric(lhr: Result, id: string): string {
  return lhr.audits[id]?.displayValue?.replace(/\u00a0/g, ' ') ?? '?';
}

/**
 * What to look at first when performance misses: the opportunity that would save the most time (else
 * the failing diagnostic with the largest metric savings), and the LCP element with its slowest phase.
 */
function mainOpportunity(lhr: Result): string {
  const audits = (lhr.categories['performance']?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
    .filter((audit) => audit.id !== 'largest-contentful-paint-element');
  const savingsOf = (audit: Result['audits'][string]) => {
    const details = audit.details as { type?: string; overallSavingsMs?: number } | undefined;
    return details?.type === 'opportunity'
      ? (details.overallSavingsMs ?? 0)
      : Object.values(audit.metricSavings ?? {}).reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  };
  const isOpportunity = (audit: Result['audits'][string]) =>
    (audit.details as { type?: string } | undefined)?.type === 'opportunity' && savingsOf(audit) > 0;
  const bySavings = (a: Result['audits'][string], b: Result['audits'][string]) => savingsOf(b) - savingsOf(a);
  const [best] = [
    ...audits.filter(isOpportunity).sort(bySavings),
    ...audits.filter((audit) => !isOpportunity(audit)).sort(bySavings),
  ];
  const parts: string[] = [];
  if (best) parts.push(`${best.title}${savingsOf(best) > 0 ? ` (≈ ${Math.round(savingsOf(best))} ms)` : ''}`);
  const lcp = lhr.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: { node?: { selector?: string }; phase?: string; timing?: number }[] }[] } | undefined;
  const selector = lcp?.items?.[0]?.items?.[0]?.node?.selector;
  const slowest = [...(lcp?.items?.[1]?.items ?? [])].sort((a, b) => (b.timing ?? 0) - (a.timing ?? 0))[0];
  if (selector)
    parts.push(
      `LCP element ${selector}${slowest?.phase ? `, mostly ${slowest.phase} ${Math.round(slowest.timing ?? 0)} ms` : ''}`,
    );
  return parts.join('; ') || 'none listed';
}

function failingAccessibilityAudits(lhr: Result): string[] {
  return (lhr.categories['accessibility']?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
}

function rowOf(page: AuditedPage, lhr: Result): LighthouseRow {
  const performance = score(lhr, 'performance');
  const accessibility = score(lhr, 'accessibility');
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']
    .map((id, index) => `${['FCP', 'LCP', 'TBT'][index]} ${metric(lhr, id)}`)
    .join(', ');
  const notes: string[] = [];
  if (performance < PERFORMANCE_TARGET) notes.push(`main opportunity: ${mainOpportunity(lhr)}`);
  if (accessibility < ACCESSIBILITY_TARGET)
    notes.push(`failing: ${failingAccessibilityAudits(lhr).join(', ')}`);
  return {
    scenario: `web: Lighthouse mobile, ${page.name}`,
    figure: `performance ${performance}, accessibility ${accessibility} (${metrics})${notes.map((note) => `; ${note}`).join('')}`,
    target: TARGET,
    met: performance >= PERFORMANCE_TARGET && accessibility >= ACCESSIBILITY_TARGET,
  };
}

/** Signs a user in through the API from inside the page, which leaves the refresh cookie in the browser. */
async function signIn(page: Page, base: string, login: string | undefined, password: string): Promise<void> {
  const client = await page.createCDPSession();
  await client.send('Network.clearBrowserCookies');
  await client.detach();
  if (!login) return;
  await page.goto(`${base}/sign-in`, { waitUntil: 'load' });
  const status = await page.evaluate(
    async (body) =>
      (
        await fetch('/api/v1/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        })
      ).status,
    JSON.stringify({ login, password }),
  );
  if (status !== 200) throw new Error(`sign-in of ${login} answered ${status}`);
}

type RunLighthouse = Awaited<ReturnType<typeof loadModules>>['lighthouse'];

/**
 * One audit of one page, its full report written to `reportDir`. Lighthouse asks to be run again when
 * its trace lost the navigation (NO_NAVSTART and the like, which a busy machine sometimes causes), so
 * a runtime error gets a second attempt before it counts.
 */
async function audit(
  lighthouse: RunLighthouse,
  page: Page,
  url: string,
  reportFile: string,
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(
      url,
      { logLevel: 'error', output: ['html', 'json'], onlyCategories: ['performance', 'accessibility'] },
      undefined,
      page,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const [html, json] = result.report as string[];
    writeFileSync(`${reportFile}.html`, html);
    writeFileSync(`${reportFile}.json`, json);
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt === 2) throw new Error(`${error.code}: ${error.message}`);
  }
}

/**
 * Lighthouse's mobile preset (a mid-range phone, simulated slow 4G and a 4× slower CPU) on each page,
 * in Debian's Chromium, after a warm-up load unless `smoke`. Lighthouse clears the HTTP cache, the
 * service worker and its caches before each audit but not cookies, so a page behind sign-in is
 * measured as a first visit of a signed-in user. An audit that cannot run is an error row.
 */
export async function lighthouseRows(options: {
  base: string;
  pages: AuditedPage[];
  password: string;
  smoke: boolean;
  /** Where each page's full report goes, as HTML and JSON. */
  reportDir: string;
}): Promise<LighthouseRow[]> {
  const failed = (page: AuditedPage, error: unknown): LighthouseRow => ({
    scenario: `web: Lighthouse mobile, ${page.name}`,
    measure: FAILED,
    figure: `did not run: ${error instanceof Error ? error.message : String(error)}`.split('\n')[0],
    target: TARGET,
    met: false,
  });
  let browser: Browser | undefined;
  try {
    const { lighthouse, launch } = await loadModules();
    mkdirSync(options.reportDir, { recursive: true });
    browser = await launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      defaultViewport: null,
      args: CHROMIUM_FLAGS,
    });
    const page = await browser.newPage();
    const rows: LighthouseRow[] = [];
    // '' until the first page: nobody is known to be signed in or out yet
    let signedIn: string | undefined = '';
    for (const audited of options.pages) {
      try {
        if (audited.login !== signedIn) {
          await signIn(page, options.base, audited.login, options.password);
          signedIn = audited.login;
        }
        const url = `${options.base}${audited.path}`;
        if (!options.smoke) await page.goto(url, { waitUntil: 'networkidle0' });
        const lhr = await audit(
          lighthouse,
          page,
          url,
          join(options.reportDir, audited.name.replace(/\W+/g, '-')),
        );
        // a session that did not hold would have audited the sign-in page instead
        const landed = new URL(lhr.finalDisplayedUrl).pathname;
        if (landed !== audited.path) throw new Error(`${audited.path} ended on ${landed}`);
        rows.push(rowOf(audited, lhr));
      } catch (error) {
        rows.push(failed(audited, error));
        signedIn = '';
      }
    }
    process.stdout.write(`Lighthouse reports in ${options.reportDir}\n`);
    return rows;
  } catch (error) {
    return options.pages.map((page) => failed(page, error));
  } finally {
    await browser?.close();
  }
}
