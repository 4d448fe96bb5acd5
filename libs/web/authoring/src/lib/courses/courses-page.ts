import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  COURSE_SORTS,
  COURSE_STATUSES,
  CourseDetail,
  CourseListQuery,
  CourseSort,
  CourseSummary,
  THEMATIC_AREAS,
} from '@border-academy/shared-contracts';
import {
  ListFrame,
  PAGE_SIZES,
  bindFiltersToUrl,
  oneOf,
  openDialog,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { AuthSession, CourseClient } from '@border-academy/web-data-access';
import { ContentTextView } from '@border-academy/web-ui';

import { CompletenessBars } from '../shared/completeness-bars';
import { ContentLanguages } from '../shared/content-languages';
import { AREA_LABELS, COURSE_STATUS_LABELS, LEVEL_LABELS } from '../shared/labels';
import { ImportPackageDialog } from './import-package-dialog';
import { NewCourseDialog } from './new-course-dialog';

type SortColumn = 'title' | 'updatedAt';

/**
 * The courses of the trainer's scope: searched, filtered (area, status, a language still incomplete, only
 * mine), sorted and paged on the server, with every filter in the URL so that Back restores the list.
 */
@Component({
  selector: 'ba-courses-page',
  imports: [
    CompletenessBars,
    ContentTextView,
    ListFrame,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './courses-page.html',
  styleUrl: './courses-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoursesPage {
  private readonly client = inject(CourseClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  readonly q = input<string>();
  readonly area = input<string>();
  readonly status = input<string>();
  readonly incompleteLanguage = input<string>();
  readonly mine = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly areas = THEMATIC_AREAS;
  protected readonly statuses = COURSE_STATUSES;
  // the table's rows are untyped in the template: these are read with any key
  protected readonly areaLabels: Record<string, string> = AREA_LABELS;
  protected readonly levelLabels: Record<string, string> = LEVEL_LABELS;
  protected readonly statusLabels: Record<string, string> = COURSE_STATUS_LABELS;
  protected readonly languages = inject(ContentLanguages);
  private readonly roles = inject(AuthSession).roles;
  protected readonly canWrite = computed(() => this.roles().has('trainer') || this.roles().has('admin'));
  protected readonly columns = ['title', 'area', 'status', 'completeness', 'updatedAt'];

  protected readonly query = computed((): CourseListQuery => ({
    q: this.q()?.trim() || undefined,
    area: oneOf(this.area(), THEMATIC_AREAS),
    status: oneOf(this.status(), COURSE_STATUSES),
    incompleteLanguage: this.incompleteLanguage() || undefined,
    mine: this.mine() === 'true' ? true : undefined,
    sort: oneOf(this.sort(), COURSE_SORTS) ?? '-updatedAt',
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly courses = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.list(params),
  });
  protected readonly items = computed(() => (this.courses.hasValue() ? this.courses.value().items : []));
  protected readonly sortColumn = computed(
    () => (this.query().sort ?? '-updatedAt').replace('-', '') as SortColumn,
  );
  protected readonly sortDirection = computed(() => (this.query().sort?.startsWith('-') ? 'desc' : 'asc'));

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    area: [''],
    status: [''],
    incompleteLanguage: [''],
    mine: [''],
  });
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!(query.q || query.area || query.status || query.incompleteLanguage || query.mine);
  });

  constructor() {
    bindFiltersToUrl(
      this.filters,
      computed(() => {
        const query = this.query();
        return {
          q: query.q ?? '',
          area: query.area ?? '',
          status: query.status ?? '',
          incompleteLanguage: query.incompleteLanguage ?? '',
          mine: query.mine ? 'true' : '',
        };
      }),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected updatedAt(course: CourseSummary): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), { dateStyle: 'medium' }).format(
      new Date(course.updatedAt),
    );
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected changeSort(sort: Sort): void {
    const column = sort.active as SortColumn;
    const order = (sort.direction === 'desc' ? `-${column}` : column) as CourseSort;
    void this.navigate({ sort: order, page: 1 });
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected async newCourse(): Promise<void> {
    const created = await openDialog<CourseDetail, null>(this.dialogs, NewCourseDialog, null);
    if (created) await this.router.navigate(['/authoring/courses', created.id]);
  }

  protected async importPackage(): Promise<void> {
    const imported = await openDialog<CourseDetail, null>(this.dialogs, ImportPackageDialog, null);
    if (imported) await this.router.navigate(['/authoring/courses', imported.id]);
  }

  private navigate(
    change: Partial<Record<keyof CourseListQuery, string | number | undefined>>,
  ): Promise<boolean> {
    const values = this.filters.getRawValue();
    const query = this.query();
    const next = {
      ...values,
      sort: query.sort === '-updatedAt' ? undefined : query.sort,
      page: query.page === 1 ? undefined : query.page,
      pageSize: query.pageSize === PAGE_SIZES[0] ? undefined : query.pageSize,
      ...change,
    };
    if (next.page === 1) next.page = undefined;
    if (next.sort === '-updatedAt') next.sort = undefined;
    return this.router.navigate([], { relativeTo: this.route, queryParams: urlQuery(next) });
  }
}
