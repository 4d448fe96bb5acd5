import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { AuthoringFailure } from './authoring-problem';

/** A failure beside the action that failed, with the server's list of reasons; announced at once. */
@Component({
  selector: 'ba-failure-box',
  template: `
    <div role="alert" data-testid="failure">
      @if (failure(); as failure) {
        <p class="message">{{ failure.message }}</p>
        @if (failure.details.length > 0) {
          <ul>
            @for (detail of failure.details; track $index) {
              <li>{{ detail }}</li>
            }
          </ul>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      color: var(--mat-sys-error);
    }
    .message {
      margin: 0.5rem 0;
    }
    ul {
      margin: 0 0 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FailureBox {
  readonly failure = input<AuthoringFailure | null>(null);
}
