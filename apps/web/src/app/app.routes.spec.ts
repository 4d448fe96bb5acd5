import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '@border-academy/web-i18n';
import { appRoutes } from './app.routes';

describe('appRoutes', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('lazily loads the Home page at the root, titled in the active language', async () => {
    const harness = await RouterTestingHarness.create();
    const home = await harness.navigateByUrl('/');
    TestBed.inject(HttpTestingController).expectOne('/api/health');

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(
      'Welcome to Border Academy',
    );
    expect(home?.constructor.name).toBe('Home');
    expect(TestBed.inject(Title).getTitle()).toBe('Home · Border Academy');
  });

  it('shows the Not-found page for an unknown deep link', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/no/such/page');

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(
      'Page not found',
    );
    expect((harness.routeNativeElement as HTMLElement).querySelector('a')?.getAttribute('href')).toBe('/');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Border Academy');
  });
});
