import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';

import { ContentTextView } from './content-text';
import { contentTextIn, languageName } from './content-text-in';

describe('contentTextIn', () => {
  it('gives the text in the wanted language when it has one', () => {
    expect(contentTextIn({ en: 'Risk analysis', ru: 'Анализ рисков' }, 'ru', 'en')).toEqual({
      text: 'Анализ рисков',
      language: 'ru',
      fallback: false,
    });
  });

  it('falls back to the course’s default language for a missing or blank translation, and says so', () => {
    expect(contentTextIn({ en: 'Risk analysis', ru: '  ' }, 'ru', 'en')).toEqual({
      text: 'Risk analysis',
      language: 'en',
      fallback: true,
    });
    expect(contentTextIn({ ru: 'Анализ рисков' }, 'en', 'ru')).toEqual({
      text: 'Анализ рисков',
      language: 'ru',
      fallback: true,
    });
  });

  it('shows any language that has the text before showing nothing', () => {
    expect(contentTextIn({ kk: 'Тәуекел' }, 'en', 'ru')).toEqual({
      text: 'Тәуекел',
      language: 'kk',
      fallback: true,
    });
    expect(contentTextIn(null, 'en', 'en')).toEqual({ text: '', language: 'en', fallback: false });
  });

  it('names languages in the interface language', () => {
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('en', 'ru')).toBe('английский');
  });
});

describe('ContentTextView', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  async function render(text: Record<string, string>, defaultLanguage: string): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ContentTextView);
    fixture.componentRef.setInput('text', text);
    fixture.componentRef.setInput('defaultLanguage', defaultLanguage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows a translated text without a note', async () => {
    const element = await render({ en: 'Border checks', ru: 'Пограничный контроль' }, 'en');
    expect(element.textContent?.trim()).toBe('Border checks');
    expect(element.querySelector('[data-testid="fallback-note"]')).toBeNull();
  });

  it('marks a text shown in the default language with its language and a note in the interface language', async () => {
    await TestBed.inject(LanguagePreference).use('ru');
    const element = await render({ en: 'Border checks' }, 'en');
    expect(element.querySelector('span')?.getAttribute('lang')).toBe('en');
    expect(element.querySelector('[data-testid="fallback-note"]')?.textContent?.trim()).toBe(
      'Показано на языке: английский',
    );
  });
});
