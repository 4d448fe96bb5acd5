import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { OrgUnit } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';

@Injectable({ providedIn: 'root' })
export class OrgUnitClient {
  private readonly http = inject(HttpClient);

  /** One unit; the caller shows failures in place. */
  get(id: string): Observable<OrgUnit> {
    return this.http.get<OrgUnit>(`/api/v1/org-units/${encodeURIComponent(id)}`, {
      context: withoutErrorNotification(),
    });
  }
}
