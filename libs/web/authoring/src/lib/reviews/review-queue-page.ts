import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ReviewQueueItem } from '@border-academy/shared-contracts';
import { ListFrame, LocalizedPipe, pageFrom, pageSizeFrom, urlQuery } from '@border-academy/web-admin/shared';
import { CourseClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { ContentTextView } from '@border-academy/web-ui';

import { CompletenessBars } from '../shared/completeness-bars';

/** The versions waiting for the reviewer, oldest first; each opens read-only with Publish and Return. */
@Component({
  selector: 'ba-review-queue-page',
  imports: [
    CompletenessBars,
    ContentTextView,
    ListFrame,
    LocalizedPipe,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    <div class="heading">
      <h2>{{ 'authoring.reviews.heading' | transloco }}</h2>
    </div>
    <ba-list-frame
      [page]="reviews.hasValue() ? reviews.value() : undefined"
      [loading]="reviews.isLoading()"
      [loadingLabel]="'authoring.reviews.loading' | transloco"
      [failed]="!!reviews.error()"
      [failedMessage]="'authoring.reviews.loadFailed' | transloco"
      [emptyMessage]="'authoring.reviews.empty' | transloco"
      [tableLabel]="'authoring.reviews.heading' | transloco"
      (retry)="reviews.reload()"
      (pageChange)="changePage($event)"
    >
      <table
        mat-table
        data-testid="review-queue"
        [dataSource]="reviews.hasValue() ? reviews.value().items : []"
      >
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.courses.columns.title' | transloco }}</th>
          <td mat-cell *matCellDef="let item">
            <a [routerLink]="['/authoring/versions', item.versionId]"
              ><ba-content-text [text]="item.title" [defaultLanguage]="defaultLanguageOf(item)"
            /></a>
            <span class="secondary"
              >{{ item.code }} ·
              {{ 'authoring.history.number' | transloco: { number: item.versionNumber } }}</span
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="owner">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.reviews.owner' | transloco }}</th>
          <td mat-cell *matCellDef="let item">{{ item.ownerOrgUnit.name | localized: language() }}</td>
        </ng-container>
        <ng-container matColumnDef="submitted">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.history.submitted' | transloco }}</th>
          <td mat-cell *matCellDef="let item">{{ submitted(item) }}</td>
        </ng-container>
        <ng-container matColumnDef="completeness">
          <th mat-header-cell *matHeaderCellDef>
            {{ 'authoring.courses.columns.completeness' | transloco }}
          </th>
          <td mat-cell *matCellDef="let item"><ba-completeness-bars [completeness]="item.completeness" /></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let item; columns: columns"></tr>
      </table>
    </ba-list-frame>
  `,
  styleUrl: '../shared/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewQueuePage {
  private readonly client = inject(CourseClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);

  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly columns = ['title', 'owner', 'submitted', 'completeness'];
  protected readonly query = computed(() => ({
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly reviews = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.reviewQueue(params),
  });

  /** The queue does not carry the default language: the first language the title has stands in. */
  protected defaultLanguageOf(item: ReviewQueueItem): string {
    return Object.keys(item.title)[0] ?? 'en';
  }

  protected submitted(item: ReviewQueueItem): string {
    const when = new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(item.submittedAt));
    return item.submittedBy ? `${when} · ${item.submittedBy.fullName}` : when;
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({ page: event.pageIndex + 1, pageSize: event.pageSize }),
    });
  }
}
