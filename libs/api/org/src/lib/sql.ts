/** Makes a search term match literally inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A condition that a row's code or one of its names, in any language, contains the pattern parameter. */
export function codeOrNameMatchesSql(alias: string, patternParameter: string): string {
  return `(${alias}.code ILIKE ${patternParameter}
           OR EXISTS (SELECT 1 FROM jsonb_each_text(${alias}.name) n WHERE n.value ILIKE ${patternParameter}))`;
}
