/**
 * Marks a string as a translation key where it is stored before being translated (route titles,
 * option lists), so the key-usage test finds it and a typo fails the build's tests.
 */
export function i18nKey(key: string): string {
  return key;
}
