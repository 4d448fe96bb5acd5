import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { QualificationStatus } from '@border-academy/shared-contracts';
import { LanguagePreference } from '@border-academy/web-i18n';

import { STATUS_LABELS, formatDate } from './labels';

/** An icon per status, so that the status never rests on colour alone (WCAG 1.4.1). */
const ICONS: Record<QualificationStatus, string> = {
  // a tick in a circle
  valid: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8z',
  // a clock
  expiring:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16m.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z',
  // a cross in a circle
  expired:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m5 13.59L15.59 17 12 13.41 8.41 17 7 15.59 10.59 12 7 8.41 8.41 7 12 10.59 15.59 7 17 8.41 13.41 12z',
  // an empty circle with a bar
  missing: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20m0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16M7 11h10v2H7z',
};

/**
 * A qualification's standing as text, icon and colour together, with the date it expires (or expired)
 * where there is one: "Expiring · 12 Mar 2026".
 */
@Component({
  selector: 'ba-qualification-status',
  imports: [TranslocoPipe],
  template: `
    <span class="status" [class]="status()" [attr.data-status]="status()">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" [attr.d]="icon()" />
      </svg>
      <span>{{ label() | transloco }}</span>
    </span>
    @if (expiresAt() && status() !== 'missing') {
      &ngsp;<span class="date">{{ date() }}</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.125rem 0.375rem;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0 0.5rem 0 0.25rem;
      border-radius: 1rem;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    // colours with at least 4.5:1 contrast between text and background
    .valid {
      color: #0b4a1c;
      background: #dcefe0;
    }
    .expiring {
      color: #5c3800;
      background: #ffe7c2;
    }
    .expired {
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .missing {
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface-container-highest);
    }
    .date {
      font: var(--mat-sys-body-small);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationStatusView {
  readonly status = input.required<QualificationStatus>();
  readonly expiresAt = input<string | null>(null);

  private readonly language = inject(LanguagePreference).active;
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
  protected readonly icon = computed(() => ICONS[this.status()]);
  protected readonly date = computed(() => formatDate(this.expiresAt(), this.language()));
}
