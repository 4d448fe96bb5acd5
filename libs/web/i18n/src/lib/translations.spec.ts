import en from './translations/en.json';
import ru from './translations/ru.json';
import { flattenTranslations as flatten } from './flatten-translations';

function missingKeys(from: Map<string, unknown>, to: Map<string, unknown>): string[] {
  return [...from.keys()].filter((key) => !to.has(key));
}

function emptyValues(leaves: Map<string, unknown>): string[] {
  return [...leaves]
    .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    .map(([key]) => key);
}

describe('translation files', () => {
  const english = flatten(en);
  const russian = flatten(ru);

  it('has the same keys, nested ones included, in English and Russian', () => {
    expect(missingKeys(english, russian)).toEqual([]);
    expect(missingKeys(russian, english)).toEqual([]);
  });

  it('has no empty or non-text values', () => {
    expect(emptyValues(english)).toEqual([]);
    expect(emptyValues(russian)).toEqual([]);
  });

  it('uses the same interpolation parameters in both languages', () => {
    const params = (value: unknown) =>
      [...String(value).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const mismatched = [...english.keys()].filter(
      (key) => JSON.stringify(params(english.get(key))) !== JSON.stringify(params(russian.get(key))),
    );
    expect(mismatched).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('find a nested key that only one language has', () => {
      const one = flatten({ home: { heading: 'Welcome', extra: { deep: 'x' } } });
      const other = flatten({ home: { heading: 'Добро пожаловать' } });
      expect(missingKeys(one, other)).toEqual(['home.extra.deep']);
    });

    it('find empty and blank values', () => {
      expect(emptyValues(flatten({ a: '', b: { c: '  ' }, d: 'ok' }))).toEqual(['a', 'b.c']);
    });
  });
});
