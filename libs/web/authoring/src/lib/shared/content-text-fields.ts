import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

import { ContentLanguages } from './content-languages';
import { ContentTextGroup } from './content-text-form';

/** A learner-facing text's fields, one per content language, each labelled with the language. */
@Component({
  selector: 'ba-content-text-fields',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <fieldset class="languages" [formGroup]="group()">
      <legend>{{ label() }}</legend>
      @for (code of codes(); track code) {
        <mat-form-field appearance="outline">
          <mat-label>{{ label() }} ({{ languages.nativeName(code) }})</mat-label>
          @if (multiline()) {
            <textarea
              matInput
              rows="3"
              [formControlName]="code"
              [attr.lang]="code"
              [attr.data-testid]="testId() + '-' + code"
            ></textarea>
          } @else {
            <input
              matInput
              type="text"
              autocomplete="off"
              [formControlName]="code"
              [attr.lang]="code"
              [attr.data-testid]="testId() + '-' + code"
            />
          }
          @if (group().controls[code]?.hasError('required')) {
            <mat-error>{{ 'authoring.form.requiredInDefault' | transloco }}</mat-error>
          } @else if (group().controls[code]?.hasError('maxlength')) {
            <mat-error>{{ 'authoring.form.tooLong' | transloco }}</mat-error>
          }
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    .languages {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0 0.75rem;
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContentTextFields {
  readonly group = input.required<ContentTextGroup>();
  readonly label = input.required<string>();
  readonly multiline = input(false);
  readonly testId = input('text');

  protected readonly languages = inject(ContentLanguages);
  protected readonly codes = computed(() => Object.keys(this.group().controls));
}
