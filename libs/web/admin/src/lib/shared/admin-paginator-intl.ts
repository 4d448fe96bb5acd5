import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

interface PaginatorTexts {
  itemsPerPage: string;
  nextPage: string;
  previousPage: string;
  firstPage: string;
  lastPage: string;
}

/**
 * The paginator's labels in the interface language, following it when it changes; a page with a
 * paginator provides it as `MatPaginatorIntl`.
 */
@Injectable()
export class AdminPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco
      .selectTranslateObject<PaginatorTexts>('admin.paginator')
      .pipe(takeUntilDestroyed())
      .subscribe((texts) => {
        this.itemsPerPageLabel = texts.itemsPerPage;
        this.nextPageLabel = texts.nextPage;
        this.previousPageLabel = texts.previousPage;
        this.firstPageLabel = texts.firstPage;
        this.lastPageLabel = texts.lastPage;
        this.changes.next();
      });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.transloco.translate('admin.paginator.empty', { total: length });
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.transloco.translate('admin.paginator.range', { start, end, total: length });
  };
}
