import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { DEFAULT_PAGE_SIZE, ExpiringQualification, ExpiringQuery } from '@border-academy/shared-contracts';
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
import { AREA_LABELS, formatDate } from '../shared/labels';

/** The windows HR looks ahead by. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;

/** The window from the URL: one of the offered ones, 30 days when absent or anything else. */
export function withinDaysFrom(value: string | undefined): number {
  const days = Number(value);
  return (EXPIRY_WINDOWS as readonly number[]).includes(days) ? days : EXPIRY_WINDOWS[0];
}

/**
 * The qualifications held in HR's scope that expire within the next 30, 60 or 90 days, soonest first,
 * each linking to its holder; the window, unit and page live in the URL.
 */
@Component({
  selector: 'ba-expiring-page',
  imports: [
    ListFrame,
    LocalizedPipe,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    <h2>{{ 'hr.expiring.heading' | transloco }}</h2>
    <form
      class="filters"
      role="search"
      [formGroup]="form"
      [attr.aria-label]="'hr.expiring.filters' | transloco"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.expiring.within' | transloco }}</mat-label>
        <mat-select formControlName="withinDays" data-testid="expiring-within">
          @for (days of windows; track days) {
            <mat-option [value]="'' + days">{{ 'hr.expiring.days' | transloco: { days } }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
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
      [loadingLabel]="'hr.expiring.loading' | transloco"
      [failed]="!!list.error()"
      [failedMessage]="'hr.expiring.loadFailed' | transloco"
      [emptyMessage]="'hr.expiring.empty' | transloco: { days: query().withinDays }"
      [tableLabel]="'hr.expiring.heading' | transloco"
      (retry)="list.reload()"
      (pageChange)="changePage($event)"
    >
      <table mat-table data-testid="expiring-table" [dataSource]="items()">
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
        <ng-container matColumnDef="qualification">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.expiring.qualification' | transloco }}</th>
          <td mat-cell *matCellDef="let row">
            {{ row.qualification.name | localized: language() }}
            <span class="secondary">{{ areaLabel(row) | transloco }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="expiresAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.expiring.expiresAt' | transloco }}</th>
          <td mat-cell *matCellDef="let row">{{ date(row.expiresAt) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </ba-list-frame>
  `,
  styleUrl: './list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiringPage {
  private readonly client = inject(ComplianceClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly withinDays = input<string>();
  readonly unitId = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly windows = EXPIRY_WINDOWS;
  protected readonly columns = ['person', 'unit', 'qualification', 'expiresAt'];

  protected readonly query = computed(
    (): Required<Pick<ExpiringQuery, 'withinDays' | 'page' | 'pageSize'>> & ExpiringQuery => ({
      withinDays: withinDaysFrom(this.withinDays()),
      unitId: this.unitId() || undefined,
      page: pageFrom(this.page()),
      pageSize: pageSizeFrom(this.pageSize()),
    }),
  );
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.expiring(params),
  });
  protected readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly form = inject(NonNullableFormBuilder).group({
    withinDays: [String(EXPIRY_WINDOWS[0])],
    unitId: [null as string | null],
  });

  constructor() {
    bindFiltersToUrl(
      this.form,
      computed(() => ({ withinDays: String(this.query().withinDays), unitId: this.query().unitId ?? null })),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected areaLabel(row: ExpiringQualification): string {
    return AREA_LABELS[row.qualification.area];
  }

  protected date(value: string): string {
    return formatDate(value, this.language());
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(change: { page: number; pageSize?: number }): Promise<boolean> {
    const values = this.form.getRawValue();
    const pageSize = change.pageSize ?? this.query().pageSize;
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({
        withinDays: values.withinDays === String(EXPIRY_WINDOWS[0]) ? undefined : values.withinDays,
        unitId: values.unitId,
        page: change.page === 1 ? undefined : change.page,
        pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize,
      }),
    });
  }
}
