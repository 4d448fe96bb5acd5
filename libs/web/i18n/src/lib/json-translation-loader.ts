import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { LanguageCode } from '@border-academy/shared-contracts';

// Each language becomes its own lazily loaded chunk: only the active one is downloaded, and no
// extra HTTP path or asset configuration is needed.
const translationFiles: Record<LanguageCode, () => Promise<{ default: Translation }>> = {
  en: () => import('./translations/en.json'),
  ru: () => import('./translations/ru.json'),
};

@Injectable({ providedIn: 'root' })
export class JsonTranslationLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    const load = translationFiles[lang as LanguageCode] ?? translationFiles.en;
    return (await load()).default;
  }
}
