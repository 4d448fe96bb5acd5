import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import { i18nKey } from './i18n-key';
import { LanguagePreference } from './language-preference';
import { provideI18n } from './provide-i18n';

@Component({ template: '' })
class Blank {}

describe('TranslatedTitleStrategy', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([
          { path: 'missing', title: i18nKey('notFound.pageTitle'), component: Blank },
          { path: 'untitled', component: Blank },
        ]),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('translates the route title and adds the product name', async () => {
    await TestBed.inject(Router).navigateByUrl('/missing');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Border Academy');
  });

  it('retitles the current page when the language changes', async () => {
    await TestBed.inject(Router).navigateByUrl('/missing');
    await TestBed.inject(LanguagePreference).use('ru');
    expect(TestBed.inject(Title).getTitle()).toBe('Страница не найдена · Пограничная академия');
  });

  it('shows the product name alone on a route without a title', async () => {
    await TestBed.inject(Router).navigateByUrl('/untitled');
    expect(TestBed.inject(Title).getTitle()).toBe('Border Academy');
  });
});
