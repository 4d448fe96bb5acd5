/** Languages the platform speaks today; the national languages (kk, ky, tg, tk, uz) follow. */
export const SUPPORTED_LANGUAGES = ['en', 'ru'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** A text given per language, e.g. `{ en: 'Customs', ru: 'Таможня' }`. */
export type LocalizedText = Partial<Record<LanguageCode, string>> & { en: string };
