import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  Page,
  UserImport,
  UserImportFileType,
  UserImportRow,
  UserImportRowQuery,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';

const USER_IMPORTS = '/api/v1/user-imports';

/** Bulk import of users; the import page shows every failure in place, so none is announced globally. */
@Injectable({ providedIn: 'root' })
export class UserImportClient {
  private readonly http = inject(HttpClient);

  /** Sends the file itself as the body and reports the upload's progress, then the dry run. */
  upload(file: Blob, fileName: string): Observable<HttpEvent<UserImport>> {
    return this.http.post<UserImport>(USER_IMPORTS, file, {
      params: { fileName: fileName.slice(0, 255) },
      headers: { 'Content-Type': 'application/octet-stream' },
      reportProgress: true,
      observe: 'events',
      context: withoutErrorNotification(),
    });
  }

  get(id: string): Observable<UserImport> {
    return this.http.get<UserImport>(`${USER_IMPORTS}/${encodeURIComponent(id)}`, {
      context: withoutErrorNotification(),
    });
  }

  rows(id: string, query: UserImportRowQuery): Observable<Page<UserImportRow>> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params = params.set(name, String(value));
    }
    return this.http.get<Page<UserImportRow>>(`${USER_IMPORTS}/${encodeURIComponent(id)}/rows`, {
      params,
      context: withoutErrorNotification(),
    });
  }

  commit(id: string): Observable<UserImport> {
    return this.http.post<UserImport>(`${USER_IMPORTS}/${encodeURIComponent(id)}/commit`, null, {
      context: withoutErrorNotification(),
    });
  }

  template(format: UserImportFileType): Observable<Blob> {
    return this.http.get(`${USER_IMPORTS}/template`, {
      params: { format },
      responseType: 'blob',
      context: withoutErrorNotification(),
    });
  }
}
