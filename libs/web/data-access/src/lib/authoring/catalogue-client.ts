import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CatalogueCourse, CatalogueQuery, Page } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { toHttpParams } from '../http-params';

export const CATALOGUE_API = '/api/v1/catalogue/courses';

/** The published courses whose audience includes the learner; the catalogue page shows failures itself. */
@Injectable({ providedIn: 'root' })
export class CatalogueClient {
  private readonly http = inject(HttpClient);

  courses(query: CatalogueQuery = {}): Observable<Page<CatalogueCourse>> {
    return this.http.get<Page<CatalogueCourse>>(CATALOGUE_API, {
      params: toHttpParams(query),
      context: withoutErrorNotification(),
    });
  }
}
