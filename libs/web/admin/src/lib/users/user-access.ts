import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import { RESET_LINK_TTL_HOURS, ResetLink, UserDetails } from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';

import { describeFailure } from '../shared/problem-text';

import { STATUS_LABELS } from './user-labels';

/**
 * How a person gets in: their status (suspending ends their sessions at once), a lockout after wrong
 * passwords to lift, and one-time links to set a password, each shown here once with a copy button.
 */
@Component({
  selector: 'ba-user-access',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  templateUrl: './user-access.html',
  styleUrl: './user-access.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserAccess {
  private readonly users = inject(UserClient);
  private readonly transloco = inject(TranslocoService);

  readonly user = input.required<UserDetails>();
  readonly changed = output<UserDetails>();

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly ttlHours = RESET_LINK_TTL_HOURS;
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly link = signal<ResetLink | null>(null);
  protected readonly copied = signal<string | null>(null);

  protected readonly lockedUntil = computed(() => {
    const until = this.user().lockedUntil;
    return until ? this.dateTime(until) : null;
  });
  protected readonly linkExpiresAt = computed(() => {
    const link = this.link();
    return link ? this.dateTime(link.expiresAt) : null;
  });

  protected setStatus(status: 'active' | 'suspended'): Promise<void> {
    return this.act(this.users.update(this.user().id, { status }), (updated) => {
      this.changed.emit(updated);
      return status === 'active' ? 'admin.user.access.activated' : 'admin.user.access.suspended';
    });
  }

  protected unlock(): Promise<void> {
    return this.act(this.users.unlock(this.user().id), () => {
      this.changed.emit({ ...this.user(), lockedUntil: null });
      return 'admin.user.access.unlocked';
    });
  }

  protected issueLink(): Promise<void> {
    this.link.set(null);
    this.copied.set(null);
    return this.act(this.users.issueResetLink(this.user().id), (link) => {
      this.link.set(link);
      return 'admin.user.access.linkIssued';
    });
  }

  protected async copy(field: HTMLInputElement): Promise<void> {
    const url = this.link()?.url;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copied.set(this.transloco.translate('admin.user.access.copied'));
    } catch {
      // without clipboard access (plain HTTP, a refused permission) the text is selected to copy by hand
      field.select();
      this.copied.set(this.transloco.translate('admin.user.access.copyByHand'));
    }
  }

  private async act<T>(call: Observable<T>, done: (result: T) => string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      const result = await firstValueFrom(call);
      this.message.set(this.transloco.translate(done(result)));
    } catch (failure) {
      this.error.set(describeFailure(failure, this.transloco));
    } finally {
      this.busy.set(false);
    }
  }

  private dateTime(instant: string): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(instant));
  }
}
