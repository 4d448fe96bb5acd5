import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Page, USER_IMPORT_ERRORS, UserImport, UserImportRow } from '@border-academy/shared-contracts';
import { problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { ImportPage, describeRow } from './import-page';

// the first render of the page's Material table, paginator and toggles is slow while the whole suite
// runs on two cores: one such test took over 9 s there, against about 1 s on its own
jest.setTimeout(30_000);

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

function anImport(overrides: Partial<UserImport> = {}): UserImport {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    fileName: 'staff.csv',
    fileType: 'csv',
    status: 'previewed',
    rowCount: 2,
    counts: { create: 1, update: 1, unchanged: 0, error: 0 },
    progress: 0,
    createdAt: '2026-11-28T10:00:00Z',
    committedAt: null,
    ...overrides,
  };
}

function aRow(overrides: Partial<UserImportRow> = {}): UserImportRow {
  return {
    line: 2,
    login: 'a.nurlanova',
    email: 'a.nurlanova@example.kz',
    fullName: 'Aliya Nurlanova',
    fullNameCyrillic: 'Алия Нурланова',
    language: 'ru',
    orgUnit: 'kz-border',
    position: '',
    roles: 'learner',
    outcome: 'create',
    errors: [],
    changes: null,
    ...overrides,
  };
}

function pageOf(items: UserImportRow[]): Page<UserImportRow> {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const commitButton = () => page.querySelector<HTMLButtonElement>('[data-testid="import-commit"]');

  // Not whenStable(): a pending request of the rows keeps the page unstable until the test answers it.
  async function render(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
  }

  async function chooseFile(file: File): Promise<void> {
    const input = page.querySelector<HTMLInputElement>('[data-testid="import-file"]');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await render();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    page = fixture.nativeElement as HTMLElement;
    await render();
  });

  afterEach(() => http.verify());

  it('uploads the chosen file as the body, then shows the rows with errors and keeps commit disabled', async () => {
    await chooseFile(new File(['login,email\n'], 'staff.csv', { type: 'text/csv' }));
    const upload = http.expectOne((request) => request.url === '/api/v1/user-imports');
    expect(upload.request.params.get('fileName')).toBe('staff.csv');
    expect(upload.request.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(upload.request.body).toBeInstanceOf(File);
    upload.flush(anImport({ counts: { create: 1, update: 0, unchanged: 0, error: 1 } }));
    await render();

    const rows = http.expectOne((request) => request.url.endsWith('/rows'));
    expect(rows.request.params.get('outcome')).toBe('error');
    rows.flush(
      pageOf([aRow({ line: 3, outcome: 'error', errors: ['login-duplicate', 'org-unit-unknown'] })]),
    );
    await render();

    expect(text('[data-testid="count-error"]')).toBe('1');
    const details = Array.from(page.querySelectorAll('[data-testid="import-rows"] tbody li')).map((li) =>
      li.textContent?.trim(),
    );
    expect(details).toEqual(['This login appears more than once in the file.', 'No unit has this code.']);
    expect(commitButton()?.disabled).toBe(true);
    expect(text('#import-commit-state')).toContain('Correct the rows with errors');
  });

  it('says what is wrong with a file refused as a whole', async () => {
    await chooseFile(new File(['x'], 'staff.csv'));
    http.expectOne('/api/v1/user-imports?fileName=staff.csv').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'file', code: 'file-header', message: 'missing email' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(text('[data-testid="import-upload-error"]')).toBe(
      'The first row must name exactly these columns: login, email, full_name, full_name_cyrillic, language, org_unit, position, roles.',
    );
    expect(commitButton()).toBeNull();
  });

  it('refuses a file over the size limit without sending it', async () => {
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    await chooseFile(huge);
    http.expectNone('/api/v1/user-imports?fileName=huge.csv');
    expect(text('[data-testid="import-upload-error"]')).toContain('larger than 10 MB');
  });

  it('commits a clean preview and shows the result', async () => {
    await chooseFile(new File(['x'], 'staff.csv'));
    http.expectOne('/api/v1/user-imports?fileName=staff.csv').flush(anImport());
    await render();
    http.expectOne((request) => request.url.endsWith('/rows')).flush(pageOf([aRow()]));
    await render();

    expect(commitButton()?.disabled).toBe(false);
    expect(text('[data-testid="import-commit"]')).toBe('Import 2 users');
    commitButton()?.click();
    await render();
    http
      .expectOne({ method: 'POST', url: `/api/v1/user-imports/${anImport().id}/commit` })
      .flush(anImport({ status: 'committed', progress: 2, committedAt: '2026-11-28T10:01:00Z' }));
    await render();

    expect(text('[data-testid="import-result"]')).toContain(
      'Import finished: 1 users created, 1 changed, 0 unchanged.',
    );
  });
});

describe('describing a row', () => {
  let translate: (key: string, params?: object) => string;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const transloco = TestBed.inject(TranslocoService);
    translate = (key, params) => transloco.translate(key, params as Record<string, unknown>);
  });

  it('lists the fields an update changes and the roles it adds', () => {
    const lines = describeRow(
      aRow({
        outcome: 'update',
        changes: { language: { from: 'en', to: 'ru' }, fullNameCyrillic: { to: 'Алия' }, roles: ['trainer'] },
      }),
      translate,
    );
    expect(lines).toEqual(['Name in Cyrillic: — → Алия', 'Language: en → ru', 'Adds roles: trainer']);
  });

  it('has a message in English and Russian for every error the API reports', async () => {
    const transloco = TestBed.inject(TranslocoService);
    for (const language of ['en', 'ru']) {
      transloco.setActiveLang(language);
      await settle();
      for (const code of USER_IMPORT_ERRORS) {
        const key = `admin.import.errors.${code}`;
        expect(transloco.translate(key)).not.toBe(key);
      }
    }
  });
});
