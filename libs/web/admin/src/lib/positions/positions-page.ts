import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Position } from '@border-academy/shared-contracts';
import { OrgUnitClient, PositionClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { AdminPaginatorIntl } from '../shared/admin-paginator-intl';
import { ConfirmDialog, ConfirmDialogData } from '../shared/confirm-dialog';
import { LocalizedPipe, localized } from '../shared/localized.pipe';
import { Notice, NoticeLine } from '../shared/notice';
import { openDialog } from '../shared/open-dialog';
import { describeFailure } from '../shared/problem-text';
import { PositionDialog } from './position-dialog';

const SEARCH_DELAY_MS = 300;

/**
 * The shared catalogue of positions: searched and paged on the server, sorted by the name in the
 * interface language. Admins of a whole country add, change and delete positions; everyone else here
 * reads it, since a change reaches every country.
 */
@Component({
  selector: 'ba-positions-page',
  imports: [
    LocalizedPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    NoticeLine,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: AdminPaginatorIntl }],
  templateUrl: './positions-page.html',
  styleUrl: './positions-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PositionsPage {
  private readonly positions = inject(PositionClient);
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  protected readonly language = inject(LanguagePreference).active;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly q = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly notice = signal<Notice | null>(null);

  protected readonly list = rxResource({
    params: () => ({ q: this.q(), page: this.page(), pageSize: this.pageSize(), language: this.language() }),
    stream: ({ params }) => this.positions.list(params),
  });
  /** The tops of what the admin administers: a country among them lets them change the catalogue. */
  private readonly administered = rxResource({
    stream: () => this.orgUnits.list({ administeredRoots: true, pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly canChange = computed(
    () =>
      this.administered.hasValue() && this.administered.value().items.some((unit) => unit.parentId === null),
  );
  protected readonly columns = computed(() =>
    this.canChange()
      ? ['code', 'name', 'otherName', 'holders', 'actions']
      : ['code', 'name', 'otherName', 'holders'],
  );

  constructor() {
    this.search.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(SEARCH_DELAY_MS),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        this.q.set(q);
        this.page.set(1);
      });
  }

  /** The name in the language the table is not sorted by, when there is one. */
  protected otherName(position: Position): string {
    return (this.language() === 'ru' ? position.name.en : position.name.ru) ?? '';
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.page.set(event.pageIndex + 1);
  }

  protected async add(): Promise<void> {
    const created = await this.open<Position, null>(PositionDialog, null);
    if (created) this.changed('admin.positions.done.created', created);
  }

  protected async edit(position: Position): Promise<void> {
    const saved = await this.open<Position, Position>(PositionDialog, position);
    if (saved) this.changed('admin.positions.done.saved', saved);
  }

  protected async remove(position: Position): Promise<void> {
    const name = localized(position.name, this.language());
    const confirmed = await this.open<boolean, ConfirmDialogData>(ConfirmDialog, {
      title: this.transloco.translate('admin.positions.delete.title', { name }),
      message: this.transloco.translate('admin.positions.delete.message'),
      confirm: this.transloco.translate('admin.positions.delete.confirm'),
    });
    if (confirmed !== true) return;
    try {
      await firstValueFrom(this.positions.delete(position.id), { defaultValue: undefined });
      this.changed('admin.positions.done.deleted', position);
    } catch (failure) {
      this.notice.set({ kind: 'error', text: describeFailure(failure, this.transloco) });
    }
  }

  private changed(key: string, position: Position): void {
    this.notice.set({
      kind: 'done',
      text: this.transloco.translate(key, { name: localized(position.name, this.language()) }),
    });
    this.list.reload();
  }

  private open<R, D>(dialog: Parameters<typeof openDialog>[1], data: D): Promise<R | undefined> {
    this.notice.set(null);
    return openDialog<R, D>(this.dialogs, dialog, data);
  }
}
