import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { HealthResponse } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';

@Injectable({ providedIn: 'root' })
export class HealthClient {
  private readonly http = inject(HttpClient);

  /** The platform status; the caller shows failures itself, so no global notification. */
  check(): Observable<HealthResponse> {
    return this.http.get<HealthResponse>('/api/health', { context: withoutErrorNotification() });
  }
}
