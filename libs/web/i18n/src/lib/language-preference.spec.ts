import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { LANGUAGE_STORAGE_KEY, LanguagePreference } from './language-preference';
import { provideI18n } from './provide-i18n';

async function start(): Promise<LanguagePreference> {
  TestBed.configureTestingModule({ providers: [provideI18n()] });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  return TestBed.inject(LanguagePreference);
}

describe('LanguagePreference', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  afterEach(() => jest.restoreAllMocks());

  it('starts in English on a first visit and tells the page', async () => {
    const preference = await start();
    expect(preference.active()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(TranslocoService).translate('app.name')).toBe('Border Academy');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('switches to Russian at run time, sets <html lang> and remembers the choice', async () => {
    const preference = await start();
    await preference.use('ru');
    expect(preference.active()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(TestBed.inject(TranslocoService).translate('app.name')).toBe('Пограничная академия');
  });

  it('starts in the remembered language on the next visit', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ru');
    const preference = await start();
    expect(preference.active()).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
  });

  it("follows the browser's language on a first visit when the platform speaks it", async () => {
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('ru-KZ');
    const preference = await start();
    expect(preference.active()).toBe('ru');
  });

  it('ignores a stored value that is not a supported language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    const preference = await start();
    expect(preference.active()).toBe('en');
  });
});
