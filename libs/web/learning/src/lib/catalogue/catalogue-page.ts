import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  COURSE_LEVELS,
  CatalogueQuery,
  SUPPORTED_LANGUAGES,
  THEMATIC_AREAS,
} from '@border-academy/shared-contracts';
import {
  AdminPaginatorIntl,
  LocalizedPipe,
  PAGE_SIZES,
  bindFiltersToUrl,
  oneOf,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { CatalogueClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { ContentTextView, languageName } from '@border-academy/web-ui';

import { AREA_LABELS, LEVEL_LABELS } from '../shared/labels';

/**
 * The catalogue a learner may take courses from: the published courses whose audience includes their
 * unit, as cards that open the course page, searched (full text, in English and Russian) and filtered by
 * area, level and the language a course is complete in, all in the URL, and paged on the server. A text
 * not written in the learner's language is shown in the course's default language, with a note.
 */
@Component({
  selector: 'ba-catalogue-page',
  imports: [
    ContentTextView,
    LocalizedPipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: AdminPaginatorIntl }],
  templateUrl: './catalogue-page.html',
  styleUrl: './catalogue-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CataloguePage {
  private readonly client = inject(CatalogueClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly q = input<string>();
  readonly area = input<string>();
  readonly level = input<string>();
  readonly language = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly interfaceLanguage = inject(LanguagePreference).active;
  protected readonly languages = SUPPORTED_LANGUAGES;
  protected readonly languageName = languageName;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly levels = COURSE_LEVELS;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly levelLabels = LEVEL_LABELS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly query = computed((): CatalogueQuery => ({
    q: this.q()?.trim() || undefined,
    area: oneOf(this.area(), THEMATIC_AREAS),
    level: oneOf(this.level(), COURSE_LEVELS),
    language: oneOf(this.language(), SUPPORTED_LANGUAGES),
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly courses = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.courses(params),
  });
  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    area: [''],
    level: [''],
    language: [''],
  });
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!(query.q || query.area || query.level || query.language);
  });

  constructor() {
    bindFiltersToUrl(
      this.filters,
      computed(() => ({
        q: this.query().q ?? '',
        area: this.query().area ?? '',
        level: this.query().level ?? '',
        language: this.query().language ?? '',
      })),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  private navigate(change: { page?: number; pageSize?: number }): Promise<boolean> {
    const query = this.query();
    const page = change.page ?? query.page;
    const pageSize = change.pageSize ?? query.pageSize;
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({
        ...this.filters.getRawValue(),
        page: page === 1 ? undefined : page,
        pageSize: pageSize === PAGE_SIZES[0] ? undefined : pageSize,
      }),
    });
  }
}
