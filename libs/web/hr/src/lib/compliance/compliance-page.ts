import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  COMPLIANCE_EXPORT_FORMATS,
  COMPLIANCE_SORTS,
  ComplianceCell,
  ComplianceExportFormat,
  ComplianceRow,
  QUALIFICATION_STATUSES,
  THEMATIC_AREAS,
} from '@border-academy/shared-contracts';
import {
  AdminPaginatorIntl,
  LocalizedPipe,
  OrgUnitPicker,
  PAGE_SIZES,
  PositionPicker,
  bindFiltersToUrl,
  describeFailure,
} from '@border-academy/web-admin/shared';
import { ComplianceClient, complianceExportFileName } from '@border-academy/web-data-access';
import { LanguagePreference, i18nKey } from '@border-academy/web-i18n';
import { saveBlob } from '@border-academy/web-ui';

import { HrScope } from '../shared/hr-scope';
import { AREA_LABELS, STATUS_LABELS } from '../shared/labels';
import { QualificationStatusView } from '../shared/qualification-status';
import { complianceFilters, complianceQueryFrom, complianceUrlQuery, isFiltered } from './compliance-query';
import { TrendChart } from './trend-chart';

const SORT_LABELS: Record<(typeof COMPLIANCE_SORTS)[number], string> = {
  name: i18nKey('hr.compliance.sorts.name'),
  '-name': i18nKey('hr.compliance.sorts.-name'),
  unit: i18nKey('hr.compliance.sorts.unit'),
  '-unit': i18nKey('hr.compliance.sorts.-unit'),
  gaps: i18nKey('hr.compliance.sorts.gaps'),
  '-gaps': i18nKey('hr.compliance.sorts.-gaps'),
};

/**
 * HR's compliance view over their scope: the people × required qualifications matrix, filtered by unit
 * subtree, position, area, status and a search, sorted and paged on the server with everything in the
 * URL; totals over every row, counts per unit and per area, the trend by area, and the filtered matrix
 * exported as CSV, XLSX or a PDF summary.
 */
@Component({
  selector: 'ba-compliance-page',
  imports: [
    LocalizedPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    OrgUnitPicker,
    PositionPicker,
    QualificationStatusView,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    TrendChart,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: AdminPaginatorIntl }],
  templateUrl: './compliance-page.html',
  styleUrl: './compliance-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompliancePage {
  private readonly client = inject(ComplianceClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);

  // the URL's query parameters, bound by the router
  readonly unitId = input<string>();
  readonly positionId = input<string>();
  readonly area = input<string>();
  readonly status = input<string>();
  readonly q = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly statuses = QUALIFICATION_STATUSES;
  protected readonly sorts = COMPLIANCE_SORTS;
  protected readonly formats = COMPLIANCE_EXPORT_FORMATS;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly sortLabels = SORT_LABELS;
  protected readonly pageSizes = PAGE_SIZES;

  protected readonly query = computed(() =>
    complianceQueryFrom({
      unitId: this.unitId(),
      positionId: this.positionId(),
      area: this.area(),
      status: this.status(),
      q: this.q(),
      sort: this.sort(),
      page: this.page(),
      pageSize: this.pageSize(),
    }),
  );
  // the counts are asked for again only when a filter changes, not the order or the page
  protected readonly filters = computed(() => complianceFilters(this.query()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  private readonly trendUnit = computed(() => this.query().unitId);
  protected readonly filtered = computed(() => isFiltered(this.query()));

  protected readonly matrix = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.matrix(params),
  });
  protected readonly summary = rxResource({
    params: () => this.filters(),
    stream: ({ params }) => this.client.summary(params),
  });
  protected readonly trend = rxResource({
    params: () => ({ unitId: this.trendUnit() }),
    stream: ({ params }) => this.client.trend(params),
  });

  protected readonly compliantShare = computed(() => {
    const totals = this.matrix.hasValue() ? this.matrix.value().totals : null;
    return totals && totals.people > 0 ? Math.round((100 * totals.compliantPeople) / totals.people) : null;
  });
  /** A 400 for a unit outside the scope (an old link, a changed grant) says so instead of a bare failure. */
  protected readonly loadFailure = computed(() => {
    const error = this.matrix.error();
    return error ? describeFailure(error, this.transloco) : null;
  });

  protected readonly exporting = signal<ComplianceExportFormat | null>(null);
  protected readonly exportFailure = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    unitId: [null as string | null],
    positionId: [null as string | null],
    area: [''],
    status: [''],
    q: [''],
    sort: ['name'],
  });

  constructor() {
    bindFiltersToUrl(
      this.form,
      computed(() => {
        const query = this.query();
        return {
          unitId: query.unitId ?? null,
          positionId: query.positionId ?? null,
          area: query.area ?? '',
          status: query.status ?? '',
          q: query.q ?? '',
          sort: query.sort ?? 'name',
        };
      }),
      () => void this.navigate({ page: 1 }),
    );
  }

  /** The row's cell for a column; undefined where the person's position does not require it. */
  protected cell(row: ComplianceRow, qualificationId: string): ComplianceCell | undefined {
    return row.cells.find((cell) => cell.qualificationId === qualificationId);
  }

  protected clearFilters(): void {
    this.form.reset();
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async download(format: ComplianceExportFormat): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.exportFailure.set(null);
    try {
      const file = await firstValueFrom(
        this.client.export(format, { ...this.query(), language: this.language() }),
      );
      saveBlob(file, complianceExportFileName(format));
    } catch (failure) {
      this.exportFailure.set(describeFailure(failure, this.transloco));
    } finally {
      this.exporting.set(null);
    }
  }

  private navigate(change: { page?: number; pageSize?: number }): Promise<boolean> {
    const values = this.form.getRawValue();
    const query = this.query();
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: complianceUrlQuery(
        complianceQueryFrom({
          unitId: values.unitId ?? undefined,
          positionId: values.positionId ?? undefined,
          area: values.area,
          status: values.status,
          q: values.q,
          sort: values.sort,
          page: String(change.page ?? query.page),
          pageSize: String(change.pageSize ?? query.pageSize),
        }),
      ),
    });
  }
}
