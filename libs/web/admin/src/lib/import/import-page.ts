import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Subscription, firstValueFrom, interval, of, switchMap } from 'rxjs';
import {
  USER_IMPORT_COLUMNS,
  USER_IMPORT_MAX_BYTES,
  USER_IMPORT_MAX_ROWS,
  UserImport,
  UserImportChanges,
  UserImportFileType,
  UserImportOutcome,
  UserImportRow,
} from '@border-academy/shared-contracts';
import { ApiError, UserImportClient } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

import { AdminPaginatorIntl } from '../shared/admin-paginator-intl';

type Filter = UserImportOutcome | 'all';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: i18nKey('admin.import.preview.all') },
  { value: 'error', label: i18nKey('admin.import.preview.error') },
  { value: 'create', label: i18nKey('admin.import.preview.create') },
  { value: 'update', label: i18nKey('admin.import.preview.update') },
  { value: 'unchanged', label: i18nKey('admin.import.preview.unchanged') },
];

const OUTCOME_LABELS: Record<UserImportOutcome, string> = {
  create: i18nKey('admin.import.outcomes.create'),
  update: i18nKey('admin.import.outcomes.update'),
  unchanged: i18nKey('admin.import.outcomes.unchanged'),
  error: i18nKey('admin.import.outcomes.error'),
};

const FIELD_LABELS: Record<Exclude<keyof UserImportChanges, 'roles'>, string> = {
  email: i18nKey('admin.import.fields.email'),
  fullName: i18nKey('admin.import.fields.fullName'),
  fullNameCyrillic: i18nKey('admin.import.fields.fullNameCyrillic'),
  language: i18nKey('admin.import.fields.language'),
  orgUnit: i18nKey('admin.import.fields.orgUnit'),
  position: i18nKey('admin.import.fields.position'),
};

const FILE_PROBLEMS = [
  'file-empty',
  'file-type',
  'file-unreadable',
  'file-header',
  'file-too-many-rows',
  'too-large',
] as const;
type FileProblem = (typeof FILE_PROBLEMS)[number];

const MAX_MEGABYTES = USER_IMPORT_MAX_BYTES / 1024 / 1024;
const POLL_MS = 400;

/** Every line a row's details cell shows: its errors, or the changes committing it makes. */
export function describeRow(
  row: UserImportRow,
  translate: (key: string, params?: object) => string,
): string[] {
  if (row.outcome === 'error') return row.errors.map((code) => translate(`admin.import.errors.${code}`));
  if (row.outcome === 'create') return [translate('admin.import.newUser')];
  if (row.outcome === 'unchanged' || !row.changes) return [translate('admin.import.nothing')];
  const lines = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).flatMap((field) => {
    const change = row.changes?.[field];
    if (!change) return [];
    return [
      translate('admin.import.change', {
        field: translate(FIELD_LABELS[field]),
        from: change.from ?? '—',
        to: change.to ?? '—',
      }),
    ];
  });
  if (row.changes.roles?.length) {
    lines.push(translate('admin.import.addsRoles', { roles: row.changes.roles.join(', ') }));
  }
  return lines;
}

/**
 * Bulk import of users: template, upload with a progress bar, the dry run's summary and rows
 * (filterable, paged on the server), and the commit with its progress polled from the server.
 */
@Component({
  selector: 'ba-import-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: AdminPaginatorIntl }],
  templateUrl: './import-page.html',
  styleUrl: './import-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly imports = inject(UserImportClient);
  private readonly transloco = inject(TranslocoService);
  private uploadSubscription: Subscription | null = null;

  protected readonly filters = FILTERS;
  protected readonly displayedColumns = ['line', 'login', 'name', 'orgUnit', 'roles', 'outcome', 'details'];
  protected readonly limits = { size: MAX_MEGABYTES, rows: USER_IMPORT_MAX_ROWS };

  protected readonly fileName = signal<string | null>(null);
  /** Percent of the file sent; null while the server checks the rows it received. */
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly uploading = signal(false);
  protected readonly uploadError = signal<string | null>(null);
  protected readonly templateError = signal<string | null>(null);

  protected readonly current = signal<UserImport | null>(null);
  protected readonly filter = signal<Filter>('all');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(20);

  protected readonly committing = signal(false);
  protected readonly commitError = signal<string | null>(null);

  // only the id: the import's progress changing while it commits must not load the rows again
  private readonly importId = computed(() => this.current()?.id);
  protected readonly rows = rxResource({
    params: () => {
      const id = this.importId();
      if (!id) return undefined;
      const filter = this.filter();
      return {
        id,
        page: this.page(),
        pageSize: this.pageSize(),
        outcome: filter === 'all' ? undefined : filter,
      };
    },
    stream: ({ params }) =>
      params
        ? this.imports.rows(params.id, {
            page: params.page,
            pageSize: params.pageSize,
            outcome: params.outcome,
          })
        : of(null),
  });

  protected readonly changeCount = computed(() => {
    const counts = this.current()?.counts;
    return counts ? counts.create + counts.update : 0;
  });
  protected readonly canCommit = computed(() => {
    const current = this.current();
    return (
      !!current &&
      current.status === 'previewed' &&
      current.counts.error === 0 &&
      this.changeCount() > 0 &&
      !this.committing()
    );
  });
  protected readonly commitPercent = computed(() => {
    const current = this.current();
    return current && current.rowCount > 0 ? Math.round((100 * current.progress) / current.rowCount) : 0;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.uploadSubscription?.unsubscribe());
  }

  protected filterCount(filter: Filter): number | null {
    const current = this.current();
    if (!current) return null;
    return filter === 'all' ? current.rowCount : current.counts[filter];
  }

  protected outcomeLabel(row: UserImportRow): string {
    return OUTCOME_LABELS[row.outcome];
  }

  protected details(row: UserImportRow): string[] {
    return describeRow(row, (key, params) => this.transloco.translate(key, params));
  }

  protected async downloadTemplate(format: UserImportFileType): Promise<void> {
    this.templateError.set(null);
    try {
      const blob = await firstValueFrom(this.imports.template(format));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `users-template.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url));
    } catch {
      this.templateError.set(this.transloco.translate('admin.import.template.failed'));
    }
  }

  protected chooseFile(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (file) this.upload(file);
  }

  private upload(file: File): void {
    this.uploadSubscription?.unsubscribe();
    this.current.set(null);
    this.commitError.set(null);
    this.uploadError.set(null);
    this.fileName.set(file.name);
    this.filter.set('all');
    this.page.set(1);
    if (file.size > USER_IMPORT_MAX_BYTES) {
      this.uploadError.set(this.fileProblemText('too-large'));
      return;
    }
    this.uploading.set(true);
    this.uploadPercent.set(0);
    this.uploadSubscription = this.imports.upload(file, file.name).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : 0;
          this.uploadPercent.set(percent >= 100 ? null : percent);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.current.set(event.body);
          if (event.body.counts.error > 0) this.filter.set('error');
        }
      },
      error: (failure: unknown) => {
        this.uploading.set(false);
        this.uploadError.set(this.uploadFailureText(failure));
      },
      complete: () => this.uploading.set(false),
    });
  }

  protected selectFilter(filter: Filter): void {
    this.filter.set(filter);
    this.page.set(1);
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.page.set(event.pageIndex + 1);
  }

  protected async commit(): Promise<void> {
    const current = this.current();
    if (!current || !this.canCommit()) return;
    this.committing.set(true);
    this.commitError.set(null);
    this.current.set({ ...current, status: 'committing', progress: 0 });
    // the commit answers when everything is written; meanwhile the server's progress is polled
    const polling = interval(POLL_MS)
      .pipe(switchMap(() => this.imports.get(current.id)))
      .subscribe({
        next: (state) => {
          if (state.status === 'committing') this.current.set(state);
        },
        error: () => undefined,
      });
    try {
      this.current.set(await firstValueFrom(this.imports.commit(current.id)));
    } catch (failure) {
      this.commitError.set(
        this.transloco.translate('admin.import.commit.failed', { reason: this.reasonOf(failure) }),
      );
      this.current.set(await firstValueFrom(this.imports.get(current.id)).catch(() => current));
      this.rows.reload();
    } finally {
      polling.unsubscribe();
      this.committing.set(false);
    }
  }

  private uploadFailureText(failure: unknown): string {
    if (failure instanceof ApiError) {
      if (failure.status === 413) return this.fileProblemText('too-large');
      const code = failure.fieldErrors.find((error) => error.field === 'file')?.code;
      if (code && (FILE_PROBLEMS as readonly string[]).includes(code)) {
        return this.fileProblemText(code as FileProblem);
      }
    }
    return this.transloco.translate('admin.import.upload.failed', { reason: this.reasonOf(failure) });
  }

  private fileProblemText(problem: FileProblem): string {
    return this.transloco.translate(`admin.import.fileErrors.${problem}`, {
      columns: USER_IMPORT_COLUMNS.join(', '),
      rows: USER_IMPORT_MAX_ROWS,
      size: MAX_MEGABYTES,
    });
  }

  private reasonOf(failure: unknown): string {
    return failure instanceof ApiError ? failure.userMessage : String(failure);
  }
}
