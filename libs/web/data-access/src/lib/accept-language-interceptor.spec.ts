import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { acceptLanguageInterceptor } from './accept-language-interceptor';

describe('acceptLanguageInterceptor', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('asks the API for answers in the language the user chose', async () => {
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(HttpClient).get('/api/v1/a').subscribe();
    expect(http.expectOne('/api/v1/a').request.headers.get('Accept-Language')).toBe('en');

    await TestBed.inject(LanguagePreference).use('ru');
    TestBed.inject(HttpClient).get('/api/v1/b').subscribe();
    expect(http.expectOne('/api/v1/b').request.headers.get('Accept-Language')).toBe('ru');
  });
});
