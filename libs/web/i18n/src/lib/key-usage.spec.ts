import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import en from './translations/en.json';
import { flattenTranslations } from './flatten-translations';

const workspaceRoot = join(__dirname, '../../../../..');
const scannedRoots = ['apps/web/src', 'libs/web'];

// `'key' | transloco`, `t('key')`, `translate('key')`, `selectTranslate('key')`, `i18nKey('key')`.
const keyPatterns = [
  /'([\w.-]+)'\s*\|\s*transloco\b/g,
  /\b(?:t|translate|selectTranslate|translateSignal|i18nKey)\(\s*'([\w.-]+)'/g,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

export function keysUsedIn(source: string): string[] {
  return keyPatterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]));
}

describe('translation keys used in the web sources', () => {
  const known = flattenTranslations(en);
  const usages = scannedRoots
    .flatMap((root) => sourceFiles(join(workspaceRoot, root)))
    .flatMap((file) =>
      keysUsedIn(readFileSync(file, 'utf8')).map((key) => ({ key, file: relative(workspaceRoot, file) })),
    );

  it('finds the keys of the shell and pages (the scan is looking in the right places)', () => {
    const keys = new Set(usages.map((usage) => usage.key));
    expect(keys).toContain('app.name');
    expect(keys).toContain('home.heading');
    expect(keys).toContain('errors.offline');
  });

  it('exist in the translation files', () => {
    const unknown = usages.filter((usage) => !known.has(usage.key)).map((u) => `${u.key} (${u.file})`);
    expect(unknown).toEqual([]);
  });

  it('recognises every supported way of using a key', () => {
    const sample = `{{ 'a.pipe' | transloco }} t('b.fn') this.transloco.translate('c.service') i18nKey('d.marker')`;
    expect(keysUsedIn(sample)).toEqual(['a.pipe', 'b.fn', 'c.service', 'd.marker']);
  });
});
