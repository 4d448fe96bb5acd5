import { LanguageCompleteness } from '@border-academy/shared-contracts';

import { TextSlot } from './course-version.repository';

/** Texts that count: the required ones, and the optional ones written in at least one language. */
function counted(slots: TextSlot[]): TextSlot[] {
  return slots.filter(
    (slot) => slot.required || Object.values(slot.text ?? {}).some((text) => text.trim().length > 0),
  );
}

function filled(slot: TextSlot, language: string): boolean {
  return (slot.text?.[language]?.trim().length ?? 0) > 0;
}

/** Percentage (rounded down, so 100 means all) of the counted texts filled in each language. */
export function completeness(slots: TextSlot[], languages: string[]): LanguageCompleteness {
  const counting = counted(slots);
  return Object.fromEntries(
    languages.map((language) => {
      if (counting.length === 0) return [language, 100];
      const done = counting.filter((slot) => filled(slot, language)).length;
      return [language, Math.floor((done * 100) / counting.length)];
    }),
  );
}

/** The labels of the counted texts missing in a language (`lesson 1.2 text`). */
export function missingTexts(slots: TextSlot[], language: string): string[] {
  return counted(slots)
    .filter((slot) => !filled(slot, language))
    .map((slot) => `${slot.label} in ${language}`);
}
