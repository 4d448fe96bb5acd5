import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AddRoleGrantRequest,
  CreateUserRequest,
  ErasureRequest,
  ErasureResult,
  Page,
  PersonalDataFormat,
  ResetLink,
  UpdateUserRequest,
  UserDetails,
  UserListQuery,
  UserSummary,
} from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { toHttpParams } from './http-params';

export const USERS_API = '/api/v1/users';

/** The administration of users inside the caller's scope. The pages show every failure in place. */
@Injectable({ providedIn: 'root' })
export class UserClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification();

  list(query: UserListQuery = {}): Observable<Page<UserSummary>> {
    return this.http.get<Page<UserSummary>>(USERS_API, {
      params: toHttpParams(query),
      context: this.context,
    });
  }

  get(id: string): Observable<UserDetails> {
    return this.http.get<UserDetails>(this.url(id), { context: this.context });
  }

  create(request: CreateUserRequest): Observable<UserDetails> {
    return this.http.post<UserDetails>(USERS_API, request, { context: this.context });
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDetails> {
    return this.http.patch<UserDetails>(this.url(id), request, { context: this.context });
  }

  addGrant(id: string, request: AddRoleGrantRequest): Observable<UserDetails> {
    return this.http.post<UserDetails>(`${this.url(id)}/grants`, request, { context: this.context });
  }

  removeGrant(id: string, grantId: string): Observable<void> {
    return this.http.delete<void>(`${this.url(id)}/grants/${encodeURIComponent(grantId)}`, {
      context: this.context,
    });
  }

  unlock(id: string): Observable<void> {
    return this.http.post<void>(`${this.url(id)}/unlock`, null, { context: this.context });
  }

  /** A one-time link for the person to set a password; the server shows it in this answer only. */
  issueResetLink(id: string): Observable<ResetLink> {
    return this.http.post<ResetLink>(`${this.url(id)}/reset-links`, null, { context: this.context });
  }

  /** Everything held about the person, as a file to save: JSON or PDF; the server audits each export. */
  personalData(id: string, format: PersonalDataFormat): Observable<Blob> {
    return this.http.get(`${this.url(id)}/personal-data`, {
      params: { format },
      responseType: 'blob',
      context: this.context,
    });
  }

  /** Anonymises the person for good; 409 when they are already erased. */
  erase(id: string, request: ErasureRequest): Observable<ErasureResult> {
    return this.http.post<ErasureResult>(`${this.url(id)}/erasure`, request, { context: this.context });
  }

  private url(id: string): string {
    return `${USERS_API}/${encodeURIComponent(id)}`;
  }
}
