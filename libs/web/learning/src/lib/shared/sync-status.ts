import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ProgressQueue } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

/**
 * Where the learner's progress stands: kept on the device while the network is gone ("Offline — 2
 * updates waiting"), on its way, then "Synced". A polite live region, so a screen reader hears the change.
 */
@Component({
  selector: 'ba-sync-status',
  imports: [TranslocoPipe],
  template: `
    <p role="status" class="sync" data-testid="sync-status" [attr.data-state]="shown()?.state ?? 'idle'">
      @if (shown(); as shown) {
        <span class="dot" [class]="shown.state" aria-hidden="true"></span>
        {{ shown.key | transloco: { count: queue.pendingCount() } }}
      }
    </p>
  `,
  styles: `
    .sync {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 1.5rem;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .dot {
      width: 0.625rem;
      height: 0.625rem;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .dot.waiting,
    .dot.offline {
      background: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SyncStatus {
  protected readonly queue = inject(ProgressQueue);

  protected readonly shown = computed((): { state: string; key: string } | null => {
    const count = this.queue.pendingCount();
    switch (this.queue.state()) {
      case 'waiting':
        return {
          state: 'waiting',
          key: count === 1 ? i18nKey('learning.sync.waitingOne') : i18nKey('learning.sync.waiting'),
        };
      case 'sending':
        return { state: 'sending', key: i18nKey('learning.sync.sending') };
      case 'synced':
        return this.queue.online()
          ? { state: 'synced', key: i18nKey('learning.sync.synced') }
          : { state: 'offline', key: i18nKey('learning.sync.offline') };
      default:
        return this.queue.online() ? null : { state: 'offline', key: i18nKey('learning.sync.offline') };
    }
  });
}
