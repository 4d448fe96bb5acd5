import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { Page } from '@border-academy/shared-contracts';

import { AdminPaginatorIntl } from './admin-paginator-intl';
import { PAGE_SIZES } from './list-query';

/**
 * The states around a list's table: loading, failed with a way to retry, empty, and the table itself
 * (projected) in a region that scrolls sideways on a phone, with the paginator below.
 */
@Component({
  selector: 'ba-list-frame',
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, TranslocoPipe],
  providers: [{ provide: MatPaginatorIntl, useClass: AdminPaginatorIntl }],
  template: `
    <div [attr.aria-busy]="loading()">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
      }
      <div role="alert" class="error">
        @if (failed()) {
          <p>{{ failedMessage() }}</p>
          <button mat-button type="button" (click)="retry.emit()">{{ 'admin.retry' | transloco }}</button>
        }
      </div>
      @if (page(); as page) {
        @if (page.items.length === 0) {
          <p class="empty" role="status">{{ emptyMessage() }}</p>
        } @else {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="tableLabel()">
            <ng-content />
          </div>
        }
        <mat-paginator
          [length]="page.total"
          [pageIndex]="page.page - 1"
          [pageSize]="page.pageSize"
          [pageSizeOptions]="pageSizes"
          (page)="pageChange.emit($event)"
        />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .error p {
      margin: 0.5rem 0;
      color: var(--mat-sys-error);
    }
    .empty {
      margin: 1rem 0;
    }
    // a wide table scrolls sideways on a phone instead of squeezing its columns
    .table-scroll {
      overflow-x: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFrame {
  /** The page to show; absent until the first answer. */
  readonly page = input<Page<unknown>>();
  readonly loading = input(false);
  readonly loadingLabel = input.required<string>();
  readonly failed = input(false);
  readonly failedMessage = input.required<string>();
  readonly emptyMessage = input.required<string>();
  readonly tableLabel = input.required<string>();
  readonly retry = output();
  readonly pageChange = output<PageEvent>();

  protected readonly pageSizes = PAGE_SIZES;
}
