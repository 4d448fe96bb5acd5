import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_PAGE_SIZE, OverdueQuery } from '@border-academy/shared-contracts';
import {
  ListFrame,
  LocalizedPipe,
  OrgUnitPicker,
  bindFiltersToUrl,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { ComplianceClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { HrScope } from '../shared/hr-scope';
import { formatDate } from '../shared/labels';

/**
 * Assigned courses in HR's scope not completed by their due date, longest overdue first, each linking
 * to the person; the unit and page live in the URL.
 */
@Component({
  selector: 'ba-overdue-page',
  imports: [
    ListFrame,
    LocalizedPipe,
    MatProgressBarModule,
    MatTableModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    <h2>{{ 'hr.overdue.heading' | transloco }}</h2>
    <form
      class="filters"
      role="search"
      [formGroup]="form"
      [attr.aria-label]="'hr.overdue.filters' | transloco"
    >
      <ba-org-unit-picker
        formControlName="unitId"
        [label]="'hr.compliance.filters.unit' | transloco"
        [hint]="'hr.compliance.filters.unitHint' | transloco"
        [administeredOnly]="false"
        [exclude]="outsideScope()"
      />
    </form>
    <ba-list-frame
      [page]="list.hasValue() ? list.value() : undefined"
      [loading]="list.isLoading()"
      [loadingLabel]="'hr.overdue.loading' | transloco"
      [failed]="!!list.error()"
      [failedMessage]="'hr.overdue.loadFailed' | transloco"
      [emptyMessage]="'hr.overdue.empty' | transloco"
      [tableLabel]="'hr.overdue.heading' | transloco"
      (retry)="list.reload()"
      (pageChange)="changePage($event)"
    >
      <table mat-table data-testid="overdue-table" [dataSource]="items()">
        <ng-container matColumnDef="person">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.compliance.columns.person' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            <a [routerLink]="['/staff/people', row.person.id]">{{ row.person.fullName }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="unit">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.compliance.columns.unit' | transloco }}</th>
          <td mat-cell *matCellDef="let row">{{ row.orgUnit.name | localized: language() }}</td>
        </ng-container>
        <ng-container matColumnDef="course">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.overdue.course' | transloco }}</th>
          <td mat-cell *matCellDef="let row">{{ row.course.title | localized: language() }}</td>
        </ng-container>
        <ng-container matColumnDef="dueAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.overdue.dueAt' | transloco }}</th>
          <td mat-cell *matCellDef="let row">{{ date(row.dueAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="progress">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.person.columns.progress' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            <mat-progress-bar
              class="progress"
              mode="determinate"
              [value]="row.progressPercent"
              [attr.aria-label]="
                'hr.person.progressOf' | transloco: { course: (row.course.title | localized: language()) }
              "
            />
            {{ row.progressPercent }}%
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </ba-list-frame>
  `,
  styleUrl: './list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OverduePage {
  private readonly client = inject(ComplianceClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly unitId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly columns = ['person', 'unit', 'course', 'dueAt', 'progress'];

  protected readonly query = computed((): OverdueQuery & { page: number; pageSize: number } => ({
    unitId: this.unitId() || undefined,
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.overdue(params),
  });
  protected readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly form = inject(NonNullableFormBuilder).group({ unitId: [null as string | null] });

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
