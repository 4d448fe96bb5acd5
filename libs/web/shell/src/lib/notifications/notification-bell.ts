import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, of } from 'rxjs';
import { AppNotification } from '@border-academy/shared-contracts';
import { AuthSession, NotificationClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { notificationLink, notificationMessage } from './notification-text';

/** How many of the newest notifications the menu lists. */
const SHOWN = 10;
/** How often the unread count is asked for again while the app is open. */
const REFRESH_MS = 5 * 60_000;

/**
 * The bell in the top bar of everyone signed in: the number of unread notifications on it, and a menu of
 * the newest ones (due soon, overdue, expiring, expired, HR's digest), each opening where it leads and
 * marked read; "Mark all as read" clears them.
 */
@Component({
  selector: 'ba-notification-bell',
  imports: [MatButtonModule, MatMenuModule, TranslocoPipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      data-testid="notifications"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'notifications.button' | transloco: { count: unread() }"
      (menuOpened)="notifications.reload()"
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24">
        <path
          fill="currentColor"
          d="M12 22c1.1 0 2-.9 2-2h-4a2 2 0 0 0 2 2m6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1z"
        />
      </svg>
      @if (unread() > 0) {
        <span class="badge" aria-hidden="true" data-testid="notifications-unread">{{
          unread() > 99 ? '99+' : unread()
        }}</span>
      }
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="notifications-menu">
      <div class="menu-heading" mat-menu-item disabled>
        <span>{{ 'notifications.heading' | transloco }}</span>
      </div>
      @if (notifications.error()) {
        <div mat-menu-item disabled>{{ 'notifications.loadFailed' | transloco }}</div>
      }
      @for (item of shown(); track item.notification.id) {
        <button
          mat-menu-item
          type="button"
          class="notification"
          data-testid="notification"
          [class.unread]="!item.notification.readAt"
          (click)="open(item.notification)"
        >
          <span class="text">
            @if (!item.notification.readAt) {
              <span class="visually-hidden">{{ 'notifications.unread' | transloco }}</span>
            }
            {{ item.message.key | transloco: item.message.params }}
          </span>
          <span class="when">{{ item.when }}</span>
        </button>
      } @empty {
        @if (notifications.hasValue()) {
          <div mat-menu-item disabled>{{ 'notifications.empty' | transloco }}</div>
        }
      }
      @if (unread() > 0) {
        <button mat-menu-item type="button" data-testid="notifications-read-all" (click)="markAllRead()">
          {{ 'notifications.markAllRead' | transloco }}
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .bell {
      position: relative;
      color: inherit;
    }
    .badge {
      position: absolute;
      top: 2px;
      inset-inline-end: 0;
      min-width: 1.125rem;
      padding: 0 0.25rem;
      border-radius: 0.5625rem;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      line-height: 1.125rem;
      text-align: center;
    }
    .menu-heading {
      font-weight: 700;
    }
    .notification {
      height: auto;
      min-height: 3rem;
      padding-block: 0.5rem;
      white-space: normal;
      line-height: 1.3;
    }
    .notification .text,
    .notification .when {
      display: block;
    }
    .notification.unread .text {
      font-weight: 600;
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly client = inject(NotificationClient);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly language = inject(LanguagePreference).active;

  protected readonly notifications = rxResource({
    // asked again for each person who signs in on this page
    params: () => this.session.user()?.id,
    stream: ({ params: userId }) => (userId ? this.client.page({ pageSize: SHOWN }) : of(null)),
  });
  /** Lowered at once when one is read, before the server's next answer. */
  private readonly readHere = signal(0);
  protected readonly unread = computed(() => {
    const page = this.notifications.hasValue() ? this.notifications.value() : null;
    return Math.max(0, (page?.unread ?? 0) - this.readHere());
  });
  protected readonly shown = computed(() => {
    const page = this.notifications.hasValue() ? this.notifications.value() : null;
    const language = this.language();
    return (page?.items ?? []).map((notification) => ({
      notification,
      message: notificationMessage(notification, language),
      when: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(notification.createdAt),
      ),
    }));
  });

  constructor() {
    effect((onCleanup) => {
      if (!this.session.user()) return;
      const timer = setInterval(() => this.notifications.reload(), REFRESH_MS);
      onCleanup(() => clearInterval(timer));
    });
    effect(() => {
      // a new answer from the server already counts what was read here
      this.notifications.value();
      this.readHere.set(0);
    });
  }

  protected async open(notification: AppNotification): Promise<void> {
    if (!notification.readAt) {
      this.readHere.update((count) => count + 1);
      try {
        await firstValueFrom(this.client.markRead(notification.id));
      } catch {
        // the next answer tells the true count; opening the page matters more
      }
    }
    await this.router.navigateByUrl(notificationLink(notification));
    this.notifications.reload();
  }

  protected async markAllRead(): Promise<void> {
    try {
      await firstValueFrom(this.client.markAllRead());
    } catch {
      // nothing changed; the list below still says what is unread
    }
    this.notifications.reload();
  }
}
