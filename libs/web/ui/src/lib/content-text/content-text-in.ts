/** A text per content language, as courses hold them (`{ en: '…', ru: '…' }`). */
export type TextsByLanguage = Record<string, string>;

/** A learner-facing text as it is to be shown, and in which language it really is. */
export interface ShownText {
  text: string;
  /** The language the text is written in. */
  language: string;
  /** True when the wanted language had no text and the course's default language stands in. */
  fallback: boolean;
}

/**
 * The text in the wanted language, else in the course's default language (and then says so), else in
 * whichever language has one, so a half-translated course never shows an empty title.
 */
export function contentTextIn(
  text: TextsByLanguage | null | undefined,
  wanted: string,
  defaultLanguage: string,
): ShownText {
  const own = text?.[wanted]?.trim();
  if (own) return { text: text?.[wanted] ?? own, language: wanted, fallback: false };
  const standIn = text?.[defaultLanguage]?.trim();
  if (standIn) return { text: text?.[defaultLanguage] ?? standIn, language: defaultLanguage, fallback: true };
  const any = Object.entries(text ?? {}).find(([, value]) => value.trim() !== '');
  return any
    ? { text: any[1], language: any[0], fallback: any[0] !== wanted }
    : { text: '', language: wanted, fallback: false };
}

/** A language's name in the interface language (`en` in Russian: «английский»), for any code. */
export function languageName(code: string, interfaceLanguage: string): string {
  try {
    return new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
