import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CertificateRef, CertificateVerification } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { segment } from '../authoring/course-client';
import { LEARNING_API } from './enrolment-client';

/** Certificates: the holder's PDF, fetched with the Bearer token, and the public verification by code. */
@Injectable({ providedIn: 'root' })
export class CertificateClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  /** The PDF as a file to save; a link could not carry the token. */
  pdf(certificate: Pick<CertificateRef, 'id'>): Observable<Blob> {
    return this.http.get(`${LEARNING_API}/certificates/${segment(certificate.id)}/pdf`, {
      responseType: 'blob',
      context: this.context(),
    });
  }

  /** Needs no sign-in; 404 for an unknown code, 429 after too many look-ups. */
  verify(code: string): Observable<CertificateVerification> {
    return this.http.get<CertificateVerification>(
      `${LEARNING_API}/certificates/verification/${segment(code)}`,
      { context: this.context() },
    );
  }
}

/** The name the API gives the PDF, so that a saved certificate is recognisable in a downloads folder. */
export function certificateFileName(certificate: Pick<CertificateRef, 'code'>): string {
  return `certificate-${certificate.code}.pdf`;
}
