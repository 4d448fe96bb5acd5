import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ErasureResult, PersonalDataFormat, UserDetails } from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';

import { openDialog } from '../shared/open-dialog';
import { describeFailure } from '../shared/problem-text';

import { EraseDialog } from './erase-dialog';

/** The name a saved export gets, so that it is recognisable in a downloads folder. */
export function personalDataFileName(user: Pick<UserDetails, 'id'>, format: PersonalDataFormat): string {
  return `personal-data-${user.id}.${format}`;
}

/**
 * The person's personal data: everything held about them as a JSON or PDF file (each export is
 * audited), and erasure on request behind a dialog that asks for the login and a reason.
 */
@Component({
  selector: 'ba-user-privacy',
  imports: [MatButtonModule, TranslocoPipe],
  templateUrl: './user-privacy.html',
  styleUrl: './user-privacy.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPrivacy {
  private readonly users = inject(UserClient);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  readonly user = input.required<UserDetails>();
  /** After an erasure, so that the page reloads the person as they now are. */
  readonly erased = output<ErasureResult>();

  protected readonly exporting = signal<PersonalDataFormat | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected async download(format: PersonalDataFormat): Promise<void> {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.message.set(null);
    this.error.set(null);
    try {
      const blob = await firstValueFrom(this.users.personalData(this.user().id, format));
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = personalDataFileName(this.user(), format);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url));
      this.message.set(this.transloco.translate('admin.user.privacy.exported'));
    } catch (failure) {
      this.error.set(describeFailure(failure, this.transloco));
    } finally {
      this.exporting.set(null);
    }
  }

  protected async erase(): Promise<void> {
    this.message.set(null);
    this.error.set(null);
    const result = await openDialog<ErasureResult, UserDetails>(this.dialogs, EraseDialog, this.user());
    if (!result) return;
    this.message.set(this.transloco.translate('admin.user.privacy.erasedNow'));
    this.erased.emit(result);
  }
}
