import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { CertificateRef } from '@border-academy/shared-contracts';
import { CertificateClient, certificateFileName } from '@border-academy/web-data-access';
import { saveBlob } from '@border-academy/web-ui';

/** Downloads a certificate's PDF (the request carries the session's token) and links to its public page. */
@Component({
  selector: 'ba-certificate-download',
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    <button
      mat-stroked-button
      type="button"
      data-testid="certificate-download"
      [disabled]="busy()"
      (click)="download()"
    >
      {{ 'learning.certificate.download' | transloco }}
    </button>
    <a
      mat-button
      [href]="certificate().verificationPath"
      target="_blank"
      rel="noopener"
      data-testid="certificate-verify"
    >
      {{ 'learning.certificate.verifyLink' | transloco }}
    </a>
    <span role="alert" class="error">
      @if (failed()) {
        {{ 'learning.certificate.downloadFailed' | transloco }}
      }
    </span>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CertificateDownload {
  private readonly client = inject(CertificateClient);

  readonly certificate = input.required<CertificateRef>();

  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  protected async download(): Promise<void> {
    this.busy.set(true);
    this.failed.set(false);
    try {
      const pdf = await firstValueFrom(this.client.pdf(this.certificate()));
      saveBlob(pdf, certificateFileName(this.certificate()));
    } catch {
      this.failed.set(true);
    } finally {
      this.busy.set(false);
    }
  }
}
