import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  DEFAULT_PAGE_SIZE,
  Qualification,
  QualificationListQuery,
  THEMATIC_AREAS,
} from '@border-academy/shared-contracts';
import {
  ListFrame,
  LocalizedPipe,
  Notice,
  NoticeLine,
  bindFiltersToUrl,
  localized,
  oneOf,
  openDialog,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { QualificationClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { HrScope } from '../shared/hr-scope';
import { AREA_LABELS, RULE_SUMMARIES } from '../shared/labels';
import { PositionRequirementsEditor } from './position-requirements';
import { QualificationDialog } from './qualification-dialog';

/**
 * The shared catalogue of qualifications, searched and filtered by area in the URL, with how each is
 * earned and how long it lasts; below it, the qualifications each position requires. An admin or HR of
 * a whole country creates and edits both; others read them.
 */
@Component({
  selector: 'ba-qualifications-page',
  imports: [
    ListFrame,
    LocalizedPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    NoticeLine,
    PositionRequirementsEditor,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  templateUrl: './qualifications-page.html',
  styleUrl: './qualifications-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationsPage {
  private readonly client = inject(QualificationClient);
  private readonly dialogs = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);

  readonly q = input<string>();
  readonly area = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly editable = inject(HrScope).canEditCatalogue;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly columns = computed(() => [
    'name',
    'area',
    'level',
    'rule',
    'validity',
    'use',
    ...(this.editable() ? ['actions'] : []),
  ]);

  protected readonly query = computed((): QualificationListQuery & { page: number; pageSize: number } => ({
    q: this.q()?.trim() || undefined,
    area: oneOf(this.area(), THEMATIC_AREAS),
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
    language: this.language(),
  }));
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.list(params),
  });
  protected readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly filtered = computed(() => !!(this.query().q || this.query().area));
  protected readonly form = inject(NonNullableFormBuilder).group({ q: [''], area: [''] });
  protected readonly notice = signal<Notice | null>(null);
  /** Counts the catalogue's changes made here, for the requirements' list of qualifications. */
  protected readonly revision = signal(0);

  constructor() {
    bindFiltersToUrl(
      this.form,
      computed(() => ({ q: this.query().q ?? '', area: this.query().area ?? '' })),
      () => void this.navigate({ page: 1 }),
    );
  }

  /** How it is earned, in a few words: "All of 3 courses", "2 of 4 courses", "Assessment". */
  protected ruleText(qualification: Qualification): string {
    return this.transloco.translate(RULE_SUMMARIES[qualification.rule], {
      count: qualification.requiredCount ?? qualification.courses.length,
      total: qualification.courses.length,
    });
  }

  protected areaLabel(qualification: Qualification): string {
    return AREA_LABELS[qualification.area];
  }

  protected validityText(qualification: Qualification): string {
    return qualification.validityMonths
      ? this.transloco.translate('hr.qualifications.validFor', {
          months: qualification.validityMonths,
          days: qualification.warningDays,
        })
      : this.transloco.translate('hr.qualifications.noExpiry');
  }

  protected async edit(qualification: Qualification | null): Promise<void> {
    const saved = await openDialog<Qualification, Qualification | null>(
      this.dialogs,
      QualificationDialog,
      qualification,
    );
    if (!saved) return;
    this.notice.set({
      kind: 'done',
      text: this.transloco.translate('hr.qualifications.saved', {
        name: localized(saved.name, this.language()),
      }),
    });
    this.list.reload();
    this.revision.update((revision) => revision + 1);
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
        q: values.q,
        area: values.area,
        page: change.page === 1 ? undefined : change.page,
        pageSize: pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize,
      }),
    });
  }
}
