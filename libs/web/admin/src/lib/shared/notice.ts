import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What came of the last action on a page: a failure, announced at once, or a success, announced politely. */
export interface Notice {
  kind: 'error' | 'done';
  /** Already translated. */
  text: string;
}

/**
 * The place beside a page's actions where their outcome is said. Both live regions are always in the
 * page, so that screen readers announce a message the moment it appears.
 */
@Component({
  selector: 'ba-notice',
  template: `
    <div role="alert" class="error" data-testid="notice-error">
      @if (notice()?.kind === 'error') {
        <p>{{ notice()?.text }}</p>
      }
    </div>
    <div role="status" class="done" data-testid="notice-done">
      @if (notice()?.kind === 'done') {
        <p>{{ notice()?.text }}</p>
      }
    </div>
  `,
  styles: `
    p {
      margin: 0.75rem 0 0;
    }
    .error p {
      color: var(--mat-sys-error);
    }
    .done p {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoticeLine {
  readonly notice = input<Notice | null>(null);
}
