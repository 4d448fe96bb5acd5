export type TranslationTree = { [key: string]: string | TranslationTree };

/** Every leaf of a translation tree as `dotted.key → value`. */
export function flattenTranslations(tree: TranslationTree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      flattenTranslations(value, path).forEach((leaf, leafPath) => leaves.set(leafPath, leaf));
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}
