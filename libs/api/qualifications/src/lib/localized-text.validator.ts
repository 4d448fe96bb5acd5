import { SUPPORTED_LANGUAGES } from '@border-academy/shared-contracts';
import { ValidateBy, buildMessage } from 'class-validator';

/** An object of the platform's languages to texts; English non-blank when required; no other keys. */
export function isLocalizedText(value: unknown, maxLength: number, requireEnglish: boolean): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  if (entries.length === 0) return false;
  const known = entries.every(
    ([language, text]) =>
      (SUPPORTED_LANGUAGES as readonly string[]).includes(language) &&
      typeof text === 'string' &&
      text.length <= maxLength,
  );
  const english = (value as Record<string, unknown>)['en'];
  return known && (!requireEnglish || (typeof english === 'string' && english.trim() !== ''));
}

/** A property holding a `LocalizedText` (`{ en, ru? }`). */
export function IsLocalizedText(options: { maxLength: number; requireEnglish?: boolean }) {
  return ValidateBy({
    name: 'isLocalizedText',
    validator: {
      validate: (value) => isLocalizedText(value, options.maxLength, options.requireEnglish ?? false),
      defaultMessage: buildMessage(
        (each) =>
          `${each}$property must be an object of ${SUPPORTED_LANGUAGES.join(', ')} to texts of at most ${options.maxLength} characters${options.requireEnglish ? ', English not blank' : ''}`,
      ),
    },
  });
}

/** The text as stored: trimmed, without a language left blank. */
export function cleanLocalizedText<T extends Record<string, string>>(text: T): T {
  return Object.fromEntries(
    Object.entries(text)
      .map(([language, value]) => [language, value.trim()])
      .filter(([, value]) => value !== ''),
  ) as T;
}
