import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANGUAGE, LanguageCode, SUPPORTED_LANGUAGES } from '@border-academy/shared-contracts';

export const LANGUAGE_STORAGE_KEY = 'ba.language';

export function isSupportedLanguage(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The language the interface speaks: chosen by the user, remembered on the device, told to the page. */
@Injectable({ providedIn: 'root' })
export class LanguagePreference {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<LanguageCode>(DEFAULT_LANGUAGE);

  readonly active = this.current.asReadonly();

  /** The stored choice, else the browser's language if we speak it, else the default. */
  initialLanguage(): LanguageCode {
    const stored = this.readStored();
    if (stored) return stored;
    const browser = this.document.defaultView?.navigator.language?.slice(0, 2).toLowerCase();
    return isSupportedLanguage(browser) ? browser : DEFAULT_LANGUAGE;
  }

  /** Applies the remembered (or guessed) language at start-up; only an explicit choice is stored. */
  start(): Promise<void> {
    return this.apply(this.initialLanguage());
  }

  /** The user's explicit choice: applied at once and remembered on this device. */
  async use(language: LanguageCode): Promise<void> {
    await this.apply(language);
    this.store(language);
  }

  private async apply(language: LanguageCode): Promise<void> {
    // Loading before switching avoids a flash of untranslated keys on a slow connection.
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.current.set(language);
    this.document.documentElement.lang = language;
  }

  private readStored(): LanguageCode | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isSupportedLanguage(value) ? value : null;
    } catch {
      // Storage can be disabled (private mode, locked-down shared devices); the choice then lasts a session.
      return null;
    }
  }

  private store(language: LanguageCode): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // See readStored: failing to remember the choice must not stop the switch.
    }
  }
}
