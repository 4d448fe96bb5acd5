import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoPipe } from '@jsverse/transloco';

import { FormSubmission } from './form-submission';

/**
 * The end of a dialog's form: what went wrong that no field shows, then Cancel and the submit button,
 * which waits while the form is being sent.
 */
@Component({
  selector: 'ba-dialog-form-end',
  imports: [MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <div role="alert" class="dialog-error">
      @if (submission().error(); as message) {
        <p>{{ message }}</p>
      }
    </div>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'admin.dialog.cancel' | transloco }}</button>
      <button mat-flat-button type="submit" data-testid="save" [disabled]="submission().saving()">
        {{ submitLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: contents;
    }
    .dialog-error p {
      margin: 0;
      padding: 0 24px;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogFormEnd {
  readonly submission = input.required<FormSubmission>();
  /** Already translated. */
  readonly submitLabel = input.required<string>();
}
