import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { Assignment, DEFAULT_PAGE_SIZE } from '@border-academy/shared-contracts';
import {
  ConfirmDialog,
  ConfirmDialogData,
  ListFrame,
  LocalizedPipe,
  Notice,
  NoticeLine,
  OrgUnitPicker,
  bindFiltersToUrl,
  describeFailure,
  localized,
  openDialog,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { AssignmentClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { HrScope } from '../shared/hr-scope';
import { TARGET_LABELS, formatDate } from '../shared/labels';
import { AssignDialog } from './assign-dialog';

/**
 * The courses HR assigned in their scope: to whom (people, a unit, a position in a unit), due when, how
 * many people each reaches now; "Assign a course" adds one and a rule can be ended.
 */
@Component({
  selector: 'ba-assignments-page',
  imports: [
    ListFrame,
    LocalizedPipe,
    MatButtonModule,
    MatTableModule,
    NoticeLine,
    OrgUnitPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <div class="heading">
      <h2>{{ 'hr.assignments.heading' | transloco }}</h2>
      <button mat-flat-button type="button" data-testid="assign-course" (click)="assign()">
        {{ 'hr.assignments.assign' | transloco }}
      </button>
    </div>
    <p class="intro">{{ 'hr.assignments.intro' | transloco }}</p>
    <form
      class="filters"
      role="search"
      [formGroup]="form"
      [attr.aria-label]="'hr.assignments.filters' | transloco"
    >
      <ba-org-unit-picker
        formControlName="unitId"
        [label]="'hr.compliance.filters.unit' | transloco"
        [hint]="'hr.compliance.filters.unitHint' | transloco"
        [administeredOnly]="false"
        [exclude]="outsideScope()"
      />
    </form>
    <ba-notice [notice]="notice()" />
    <ba-list-frame
      [page]="list.hasValue() ? list.value() : undefined"
      [loading]="list.isLoading()"
      [loadingLabel]="'hr.assignments.loading' | transloco"
      [failed]="!!list.error()"
      [failedMessage]="'hr.assignments.loadFailed' | transloco"
      [emptyMessage]="'hr.assignments.empty' | transloco"
      [tableLabel]="'hr.assignments.heading' | transloco"
      (retry)="list.reload()"
      (pageChange)="changePage($event)"
    >
      <table mat-table data-testid="assignments-table" [dataSource]="items()">
        <ng-container matColumnDef="course">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.overdue.course' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            {{ row.course.title | localized: language() }}
            <span class="secondary">{{ row.course.code }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.assignments.target' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            {{ targetLabel(row) | transloco }}
            <span class="secondary">{{ scopeOf(row) }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="people">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.assignments.people' | transloco }}</th>
          <td mat-cell *matCellDef="let row">{{ row.personCount }}</td>
        </ng-container>
        <ng-container matColumnDef="dueAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.overdue.dueAt' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            {{ date(row.dueAt) }}
            @if (row.target !== 'person') {
              <span class="secondary">{{
                'hr.assignments.lateJoiners' | transloco: { days: row.lateJoinerDays }
              }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="created">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.assignments.created' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            {{ date(row.createdAt) }}
            @if (row.createdBy) {
              <span class="secondary">{{ row.createdBy.fullName }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef>
            <span class="visually-hidden">{{ 'hr.assignments.actions' | transloco }}</span>
          </th>
          <td mat-cell *matCellDef="let row">
            @if (row.target !== 'person') {
              <button
                mat-button
                type="button"
                [attr.aria-label]="
                  'hr.assignments.endFor' | transloco: { course: (row.course.title | localized: language()) }
                "
                [disabled]="ending() === row.id"
                (click)="end(row)"
              >
                {{ 'hr.assignments.end' | transloco }}
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </ba-list-frame>
  `,
  styleUrl: './assignments-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignmentsPage {
  private readonly client = inject(AssignmentClient);
  private readonly dialogs = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);

  readonly unitId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly columns = ['course', 'target', 'people', 'dueAt', 'created', 'actions'];

  protected readonly query = computed(() => ({
    unitId: this.unitId() || undefined,
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.list(params),
  });
  protected readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly form = inject(NonNullableFormBuilder).group({ unitId: [null as string | null] });
  protected readonly notice = signal<Notice | null>(null);
  protected readonly ending = signal<string | null>(null);

  constructor() {
    bindFiltersToUrl(
      this.form,
      computed(() => ({ unitId: this.query().unitId ?? null })),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected date(value: string): string {
    return formatDate(value, this.language());
  }

  protected targetLabel(assignment: Assignment): string {
    return TARGET_LABELS[assignment.target];
  }

  /** Where a rule applies: the unit, and the position inside it. */
  protected scopeOf(assignment: Assignment): string {
    const language = this.language();
    return [assignment.position?.name, assignment.orgUnit?.name]
      .filter((name) => !!name)
      .map((name) => (name ? localized(name, language) : ''))
      .join(' · ');
  }

  protected async assign(): Promise<void> {
    const made = await openDialog<Assignment, null>(this.dialogs, AssignDialog, null);
    if (!made) return;
    this.notice.set({
      kind: 'done',
      text: this.transloco.translate('hr.assignments.assigned', {
        course: localized(made.course.title, this.language()),
        count: made.personCount,
      }),
    });
    this.list.reload();
  }

  protected async end(assignment: Assignment): Promise<void> {
    const course = localized(assignment.course.title, this.language());
    const confirmed = await openDialog<boolean, ConfirmDialogData>(this.dialogs, ConfirmDialog, {
      title: this.transloco.translate('hr.assignments.endTitle'),
      message: this.transloco.translate('hr.assignments.endMessage', { course }),
      confirm: this.transloco.translate('hr.assignments.end'),
    });
    if (!confirmed) return;
    this.ending.set(assignment.id);
    this.notice.set(null);
    try {
      await firstValueFrom(this.client.end(assignment.id));
      this.notice.set({ kind: 'done', text: this.transloco.translate('hr.assignments.ended', { course }) });
      this.list.reload();
    } catch (failure) {
      this.notice.set({ kind: 'error', text: describeFailure(failure, this.transloco) });
    } finally {
      this.ending.set(null);
    }
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(change: { page: number; pageSize?: number }): Promise<boolean> {
    const pageSize = change.pageSize ?? this.query().pageSize;
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({
        unitId: this.form.getRawValue().unitId,
        page: change.page === 1 ? undefined : change.page,
        pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize,
      }),
    });
  }
}
