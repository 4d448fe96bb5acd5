import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '@border-academy/shared-contracts';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { ApiError } from './api-error';
import { withoutErrorNotification } from './error-notification';
import { problemInterceptor } from './problem-interceptor';

/** The message on screen once the snack bar, loaded on first use, has had its turn. */
async function shownMessage(): Promise<string | null> {
  await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
  const label = document.querySelector('.mat-mdc-simple-snack-bar .mat-mdc-snack-bar-label');
  return label?.textContent?.trim() ?? null;
}

/** Sends a GET and returns what the caller ends up with: the ApiError. */
function failingGet(url: string, context?: HttpContext): Promise<ApiError> {
  return firstValueFrom(TestBed.inject(HttpClient).get(url, { context })).then(
    () => {
      throw new Error(`expected ${url} to fail`);
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ApiError);
      return error as ApiError;
    },
  );
}

describe('problemInterceptor', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads a problem+json validation failure into a typed error with its field errors, and shows it', async () => {
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The course could not be saved.',
      errors: [
        { field: 'title.en', message: 'title.en must not be empty', code: 'isNotEmpty' },
        { field: 'hours', message: 'hours must be a positive number', code: 'isPositive' },
      ],
    };
    const result = failingGet('/api/v1/courses');
    http.expectOne('/api/v1/courses').flush(problem, {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
    });

    const error = await result;
    expect(error.status).toBe(400);
    expect(error.problem).toEqual(problem);
    expect(error.errorsFor('hours')).toEqual(['hours must be a positive number']);
    expect(error.fieldErrors).toHaveLength(2);
    expect(error.unreachable).toBe(false);
    expect(await shownMessage()).toBe('The course could not be saved.');
    expect(document.querySelector('.mat-mdc-simple-snack-bar button')?.textContent?.trim()).toBe('Dismiss');
  });

  it('falls back to the problem title when there is no detail', async () => {
    const result = failingGet('/api/v1/secret');
    http
      .expectOne('/api/v1/secret')
      .flush(
        { type: 'about:blank', title: 'Forbidden', status: 403 },
        { status: 403, statusText: 'Forbidden' },
      );

    expect((await result).userMessage).toBe('Forbidden');
    expect(await shownMessage()).toBe('Forbidden');
  });

  it('reads a problem body that arrived as text', async () => {
    const result: Promise<ApiError> = firstValueFrom(
      TestBed.inject(HttpClient).get('/api/v1/export', { responseType: 'text' }),
    ).then(
      () => {
        throw new Error('expected the export to fail');
      },
      (error: unknown) => error as ApiError,
    );
    http
      .expectOne('/api/v1/export')
      .flush(
        JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such export.' }),
        {
          status: 404,
          statusText: 'Not Found',
        },
      );

    expect((await result).problem?.detail).toBe('No such export.');
  });

  it('tells the user they appear to be offline when the server cannot be reached (status 0)', async () => {
    const result = failingGet('/api/health');
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: '' });

    const error = await result;
    expect(error.unreachable).toBe(true);
    expect(error.problem).toBeNull();
    expect(await shownMessage()).toMatch(/^You appear to be offline/);
    expect(document.querySelector('mat-snack-bar-container [aria-live]')?.getAttribute('aria-live')).toBe(
      'assertive',
    );
  });

  it('says it in Russian when the user chose Russian', async () => {
    await TestBed.inject(LanguagePreference).use('ru');
    const result = failingGet('/api/health');
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: '' });

    expect((await result).userMessage).toMatch(/^Похоже, нет подключения к сети/);
    expect(await shownMessage()).toMatch(/^Похоже, нет подключения к сети/);
  });

  it('explains a server failure that came without a problem body', async () => {
    const result = failingGet('/api/v1/reports');
    http
      .expectOne('/api/v1/reports')
      .flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const error = await result;
    expect(error.problem).toBeNull();
    expect(error.userMessage).toBe('Something went wrong on the server. Please try again later.');
  });

  it('names the status of any other failure without a problem body', async () => {
    const result = failingGet('/api/v1/teapot');
    http.expectOne('/api/v1/teapot').flush(null, { status: 418, statusText: "I'm a teapot" });

    expect((await result).userMessage).toBe('The request failed (status 418).');
  });

  it('stays silent for a request whose page shows the error itself, but still fails with the typed error', async () => {
    const result = failingGet('/api/health', withoutErrorNotification());
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: '' });

    expect((await result).unreachable).toBe(true);
    expect(await shownMessage()).toBeNull();
  });

  it('lets successful responses through untouched', async () => {
    const result = firstValueFrom(TestBed.inject(HttpClient).get('/api/v1/ok'));
    http.expectOne('/api/v1/ok').flush({ fine: true });

    expect(await result).toEqual({ fine: true });
    expect(await shownMessage()).toBeNull();
  });
});
