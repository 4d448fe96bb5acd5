import { Pipe, PipeTransform } from '@angular/core';
import { LanguageCode, LocalizedText } from '@border-academy/shared-contracts';

/** A text in the given language, or in English where it has none. */
export function localized(text: LocalizedText, language: LanguageCode): string {
  return text[language] || text.en;
}

/** `{{ unit.name | localized: language() }}`: pure, so the language is an argument. */
@Pipe({ name: 'localized' })
export class LocalizedPipe implements PipeTransform {
  transform(text: LocalizedText, language: LanguageCode): string {
    return localized(text, language);
  }
}
