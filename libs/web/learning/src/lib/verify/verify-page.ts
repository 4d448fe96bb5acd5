import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, CertificateClient } from '@border-academy/web-data-access';
import { LanguagePreference, i18nKey } from '@border-academy/web-i18n';
import { contentTextIn } from '@border-academy/web-ui';

import { CERTIFICATE_STATUS_LABELS, formatDate } from '../shared/labels';

const LOAD_FAILED = i18nKey('learning.verify.loadFailed');

/**
 * The public page a certificate's QR code opens, for an employer or another agency, without signing
 * in: the holder's name, the course, the dates and whether it is valid, expired or revoked; nothing else.
 */
@Component({
  selector: 'ba-verify-page',
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe],
  template: `
    <h1>{{ 'learning.verify.heading' | transloco }}</h1>
    <div [attr.aria-busy]="verification.isLoading()">
      @if (verification.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'learning.verify.loading' | transloco" />
      }
      <div role="alert">
        @if (failure(); as failure) {
          <p class="problem" data-testid="verification-problem">{{ failure | transloco }}</p>
          @if (failure === loadFailed) {
            <button mat-button type="button" (click)="verification.reload()">
              {{ 'admin.retry' | transloco }}
            </button>
          }
        }
      </div>
      @if (verification.hasValue()) {
        @let certificate = verification.value();
        <section class="certificate" [class]="certificate.status" data-testid="verification">
          <p class="status" data-testid="verification-status">
            {{ statusLabels[certificate.status] | transloco }}
          </p>
          <dl>
            <dt>{{ 'learning.verify.holder' | transloco }}</dt>
            <dd data-testid="verification-holder">{{ certificate.holderName }}</dd>
            <dt>{{ 'learning.verify.course' | transloco }}</dt>
            <dd [attr.lang]="courseTitle().fallback ? courseTitle().language : null">
              {{ courseTitle().text }}
            </dd>
            <dt>{{ 'learning.verify.issued' | transloco }}</dt>
            <dd>{{ date(certificate.issuedAt) }}</dd>
            <dt>{{ 'learning.verify.validUntil' | transloco }}</dt>
            <dd>
              {{
                certificate.validUntil ? date(certificate.validUntil) : ('learning.verify.noEnd' | transloco)
              }}
            </dd>
            @if (certificate.revokedAt) {
              <dt>{{ 'learning.verify.revoked' | transloco }}</dt>
              <dd>{{ date(certificate.revokedAt) }}</dd>
            }
          </dl>
          <p class="code">{{ 'learning.verify.code' | transloco: { code: code() } }}</p>
        </section>
      }
    </div>
  `,
  styles: `
    h1 {
      margin-top: 0;
      font: var(--mat-sys-headline-medium);
    }
    .certificate {
      max-width: 40rem;
      padding: 1rem 1.25rem;
      border: 2px solid var(--mat-sys-error);
      border-radius: 0.75rem;
      &.valid {
        border-color: var(--mat-sys-primary);
      }
    }
    .status {
      margin-top: 0;
      font: var(--mat-sys-headline-small);
    }
    dl {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 0.5rem 1rem;
      overflow-wrap: anywhere;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .code {
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyPage {
  private readonly client = inject(CertificateClient);
  private readonly language = inject(LanguagePreference).active;

  readonly code = input.required<string>();

  protected readonly statusLabels = CERTIFICATE_STATUS_LABELS;
  protected readonly loadFailed = LOAD_FAILED;
  protected readonly verification = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.client.verify(params),
  });
  protected readonly failure = computed(() => {
    const failure = this.verification.error();
    if (!failure) return null;
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) {
      return i18nKey('learning.verify.notFound');
    }
    if (failure instanceof ApiError && failure.status === 429) return i18nKey('learning.verify.tooMany');
    return LOAD_FAILED;
  });
  protected readonly courseTitle = computed(() =>
    contentTextIn(this.verification.value()?.courseTitle, this.language(), 'en'),
  );

  protected date(value: string): string {
    return formatDate(value, this.language());
  }
}
