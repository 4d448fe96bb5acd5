/** The attachment's lasting address for Markdown: the signed, expiring query is added when a lesson is served. */
export function attachmentAddress(url: string): string {
  return url.split('?')[0];
}

/** Markdown of an image, with its description as the alternative text (brackets that would end it escaped). */
export function imageMarkdown(description: string, url: string): string {
  const alt = description.replace(/[[\]\\]/g, (character) => `\\${character}`).trim();
  return `![${alt}](${attachmentAddress(url)})`;
}

/**
 * The text with `insertion` put where the cursor was (replacing a selection), on a line of its own, and
 * where the cursor goes after it.
 */
export function insertAt(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  insertion: string,
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${insertion}${trail}`;
  return { text: before + inserted + after, cursor: before.length + lead.length + insertion.length };
}
