import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import {
  CertificateRef,
  EvidenceRef,
  StaffQualification,
  StaffRecord,
} from '@border-academy/shared-contracts';
import {
  LocalizedPipe,
  Notice,
  NoticeLine,
  describeFailure,
  openDialog,
} from '@border-academy/web-admin/shared';
import {
  ApiError,
  CertificateClient,
  StaffClient,
  certificateFileName,
} from '@border-academy/web-data-access';
import { LanguagePreference, i18nKey } from '@border-academy/web-i18n';
import { saveBlob } from '@border-academy/web-ui';

import {
  AREA_LABELS,
  EVENT_LABELS,
  SOURCE_LABELS,
  enrolmentSourceLabel,
  enrolmentStatusLabel,
  formatDate,
} from '../shared/labels';
import { QualificationStatusView } from '../shared/qualification-status';
import { GrantDialog, GrantDialogData } from './grant-dialog';
import { RevokeDialog } from './revoke-dialog';

/**
 * One person as HR sees them: their unit and position, each qualification they hold or their position
 * requires with its status and whole history (who granted, renewed or revoked it, with notes and
 * evidence), and their enrolments with progress, due dates and certificates. HR records grants and
 * revokes from here; the page shows the new standing at once. Someone outside HR's scope is "not found".
 */
@Component({
  selector: 'ba-person-page',
  imports: [
    LocalizedPipe,
    MatButtonModule,
    MatProgressBarModule,
    NoticeLine,
    QualificationStatusView,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './person-page.html',
  styleUrl: './person-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonPage {
  private readonly staff = inject(StaffClient);
  private readonly certificates = inject(CertificateClient);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  /** From the route. */
  readonly userId = input.required<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly eventLabels = EVENT_LABELS;
  protected readonly sourceLabels = SOURCE_LABELS;
  protected readonly statusLabel = enrolmentStatusLabel;
  protected readonly sourceLabel = enrolmentSourceLabel;

  protected readonly record = rxResource({
    params: () => this.userId(),
    stream: ({ params: id }) => this.staff.record(id),
  });
  protected readonly notFound = computed(() => {
    const error = this.record.error();
    return error instanceof ApiError && (error.status === 404 || error.status === 400);
  });
  protected readonly notice = signal<Notice | null>(null);
  protected readonly downloading = signal<string | null>(null);

  protected date(value: string | null | undefined): string {
    return formatDate(value, this.language());
  }

  /** Held now: something to revoke. */
  protected held(qualification: StaffQualification): boolean {
    return qualification.status === 'valid' || qualification.status === 'expiring';
  }

  protected async recordGrant(record: StaffRecord, qualification: StaffQualification): Promise<void> {
    const saved = await openDialog<StaffQualification, GrantDialogData>(this.dialogs, GrantDialog, {
      userId: record.person.id,
      personName: record.person.fullName,
      qualification: qualification.qualification,
    });
    if (saved) this.replace(saved, i18nKey('hr.person.granted'));
  }

  protected async revoke(record: StaffRecord, qualification: StaffQualification): Promise<void> {
    const saved = await openDialog<StaffQualification, GrantDialogData>(this.dialogs, RevokeDialog, {
      userId: record.person.id,
      personName: record.person.fullName,
      qualification: qualification.qualification,
    });
    if (saved) this.replace(saved, i18nKey('hr.person.revoked'));
  }

  protected async downloadEvidence(evidence: EvidenceRef): Promise<void> {
    await this.download(evidence.id, () => this.staff.evidence(evidence), evidence.fileName);
  }

  protected async downloadCertificate(certificate: CertificateRef): Promise<void> {
    await this.download(
      certificate.id,
      () => this.certificates.pdf(certificate),
      certificateFileName(certificate),
    );
  }

  private async download(id: string, fetch: () => Observable<Blob>, name: string): Promise<void> {
    this.downloading.set(id);
    this.notice.set(null);
    try {
      saveBlob(await firstValueFrom(fetch()), name);
    } catch (failure) {
      this.notice.set({ kind: 'error', text: describeFailure(failure, this.transloco) });
    } finally {
      this.downloading.set(null);
    }
  }

  /** Puts the server's new standing on one qualification into the page, history and all. */
  private replace(saved: StaffQualification, message: string): void {
    this.record.update((record) =>
      record
        ? {
            ...record,
            qualifications: record.qualifications.map((qualification) =>
              qualification.qualification.id === saved.qualification.id ? saved : qualification,
            ),
          }
        : record,
    );
    this.notice.set({ kind: 'done', text: this.transloco.translate(message) });
  }
}
