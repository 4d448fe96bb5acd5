import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { QUESTION_KINDS, QuestionListQuery } from '@border-academy/shared-contracts';
import {
  ListFrame,
  PAGE_SIZES,
  bindFiltersToUrl,
  oneOf,
  pageFrom,
  pageSizeFrom,
  urlQuery,
} from '@border-academy/web-admin/shared';
import { QuestionBankClient } from '@border-academy/web-data-access';
import { ContentTextView } from '@border-academy/web-ui';

import { QUESTION_KIND_LABELS } from '../shared/labels';
import { VersionWorkspace } from '../version/version-workspace';

/** A version's question bank: searched, filtered by tag and kind in the URL, paged on the server. */
@Component({
  selector: 'ba-question-bank-page',
  imports: [
    ContentTextView,
    ListFrame,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  template: `
    <div class="heading">
      <h2>{{ 'authoring.bank.heading' | transloco }}</h2>
      @if (workspace.editable()) {
        <a mat-flat-button routerLink="new" data-testid="new-question">{{
          'authoring.bank.new' | transloco
        }}</a>
      }
    </div>
    <form
      class="filters"
      role="search"
      [formGroup]="filters"
      [attr.aria-label]="'authoring.bank.filters' | transloco"
    >
      <mat-form-field appearance="outline" class="search">
        <mat-label>{{ 'authoring.bank.search' | transloco }}</mat-label>
        <input matInput type="search" formControlName="q" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'authoring.bank.tag' | transloco }}</mat-label>
        <input matInput formControlName="tag" autocomplete="off" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'authoring.bank.kind' | transloco }}</mat-label>
        <mat-select formControlName="kind">
          <mat-option value="">{{ 'authoring.bank.anyKind' | transloco }}</mat-option>
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ kindLabels[kind] | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
    <ba-list-frame
      [page]="questions.hasValue() ? questions.value() : undefined"
      [loading]="questions.isLoading()"
      [loadingLabel]="'authoring.bank.loading' | transloco"
      [failed]="!!questions.error()"
      [failedMessage]="'authoring.bank.loadFailed' | transloco"
      [emptyMessage]="(filtered() ? 'authoring.bank.noMatches' : 'authoring.bank.empty') | transloco"
      [tableLabel]="'authoring.bank.heading' | transloco"
      (retry)="questions.reload()"
      (pageChange)="changePage($event)"
    >
      <table
        mat-table
        data-testid="questions-table"
        [dataSource]="questions.hasValue() ? questions.value().items : []"
      >
        <ng-container matColumnDef="stem">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.bank.columns.stem' | transloco }}</th>
          <td mat-cell *matCellDef="let question">
            <a [routerLink]="question.id"
              ><ba-content-text [text]="question.stem" [defaultLanguage]="workspace.defaultLanguage()"
            /></a>
          </td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.bank.columns.kind' | transloco }}</th>
          <td mat-cell *matCellDef="let question">{{ kindLabels[question.kind] | transloco }}</td>
        </ng-container>
        <ng-container matColumnDef="tags">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.bank.columns.tags' | transloco }}</th>
          <td mat-cell *matCellDef="let question">{{ question.tags.join(', ') || '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="points">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.bank.columns.points' | transloco }}</th>
          <td mat-cell *matCellDef="let question">{{ question.points }}</td>
        </ng-container>
        <ng-container matColumnDef="used">
          <th mat-header-cell *matHeaderCellDef>{{ 'authoring.bank.columns.used' | transloco }}</th>
          <td mat-cell *matCellDef="let question">{{ question.usedByQuizCount }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let question; columns: columns"></tr>
      </table>
    </ba-list-frame>
  `,
  styleUrl: '../shared/list-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionBankPage {
  private readonly client = inject(QuestionBankClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly q = input<string>();
  readonly tag = input<string>();
  readonly kind = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly kinds = QUESTION_KINDS;
  // the table's rows are untyped in the template: read with any key
  protected readonly kindLabels: Record<string, string> = QUESTION_KIND_LABELS;
  protected readonly columns = ['stem', 'kind', 'tags', 'points', 'used'];
  protected readonly query = computed((): QuestionListQuery => ({
    q: this.q()?.trim() || undefined,
    tag: this.tag()?.trim() || undefined,
    kind: oneOf(this.kind(), QUESTION_KINDS),
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly questions = rxResource({
    params: () => {
      const versionId = this.workspace.versionId();
      return versionId ? { versionId, query: this.query() } : undefined;
    },
    stream: ({ params }) => this.client.questions(params.versionId, params.query),
  });
  protected readonly filters = inject(NonNullableFormBuilder).group({ q: [''], tag: [''], kind: [''] });
  protected readonly filtered = computed(() => !!(this.query().q || this.query().tag || this.query().kind));

  constructor() {
    bindFiltersToUrl(
      this.filters,
      computed(() => ({
        q: this.query().q ?? '',
        tag: this.query().tag ?? '',
        kind: this.query().kind ?? '',
      })),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(change: { page?: number; pageSize?: number }): Promise<boolean> {
    const query = this.query();
    const next = {
      ...this.filters.getRawValue(),
      page: change.page ?? query.page,
      pageSize: change.pageSize ?? query.pageSize,
    };
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({
        ...next,
        page: next.page === 1 ? undefined : next.page,
        pageSize: next.pageSize === PAGE_SIZES[0] ? undefined : next.pageSize,
      }),
    });
  }
}
