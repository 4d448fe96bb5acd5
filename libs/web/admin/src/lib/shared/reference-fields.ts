import { ChangeDetectorRef, ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { merge } from 'rxjs';
import {
  LocalizedText,
  REFERENCE_CODE_MAX_LENGTH,
  REFERENCE_CODE_PATTERN,
  REFERENCE_NAME_MAX_LENGTH,
} from '@border-academy/shared-contracts';

/** The controls of a code and of a name in English and Russian, checked as the server checks them. */
export function referenceControls(code: string | null, name: LocalizedText | null) {
  return {
    code: new FormControl(code ?? '', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(REFERENCE_CODE_PATTERN),
        Validators.maxLength(REFERENCE_CODE_MAX_LENGTH),
      ],
    }),
    nameEn: new FormControl(name?.en ?? '', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(REFERENCE_NAME_MAX_LENGTH),
      ],
    }),
    nameRu: new FormControl(name?.ru ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(REFERENCE_NAME_MAX_LENGTH)],
    }),
  };
}

/** The name as the API takes it: trimmed, without a Russian name left blank. */
export function nameFrom(controls: {
  nameEn: FormControl<string>;
  nameRu: FormControl<string>;
}): LocalizedText {
  const ru = controls.nameRu.value.trim();
  return { en: controls.nameEn.value.trim(), ...(ru ? { ru } : {}) };
}

/**
 * The fields of an org unit's or a position's code and names, with their messages: what the browser
 * checks and what the server answered (`server` errors). Without a `code` control, no code field.
 */
@Component({
  selector: 'ba-reference-fields',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    @if (code(); as code) {
      <mat-form-field>
        <mat-label>{{ 'admin.dialog.code' | transloco }}</mat-label>
        <input matInput [formControl]="code" autocomplete="off" data-testid="code" required />
        <mat-hint>{{ codeHint() }}</mat-hint>
        @if (code.hasError('required')) {
          <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
        } @else if (code.hasError('pattern')) {
          <mat-error>{{ 'admin.dialog.codePattern' | transloco }}</mat-error>
        } @else if (code.hasError('maxlength')) {
          <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: limits.code } }}</mat-error>
        } @else if (code.hasError('server')) {
          <mat-error>{{ code.getError('server') }}</mat-error>
        }
      </mat-form-field>
    }
    <mat-form-field>
      <mat-label>{{ 'admin.dialog.nameEn' | transloco }}</mat-label>
      <input matInput [formControl]="nameEn()" lang="en" autocomplete="off" data-testid="name-en" required />
      @if (nameEn().hasError('required') || nameEn().hasError('pattern')) {
        <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
      } @else if (nameEn().hasError('maxlength')) {
        <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: limits.name } }}</mat-error>
      } @else if (nameEn().hasError('server')) {
        <mat-error>{{ nameEn().getError('server') }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'admin.dialog.nameRu' | transloco }}</mat-label>
      <input matInput [formControl]="nameRu()" lang="ru" autocomplete="off" data-testid="name-ru" />
      <mat-hint>{{ 'admin.dialog.nameRuHint' | transloco }}</mat-hint>
      @if (nameRu().hasError('maxlength')) {
        <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: limits.name } }}</mat-error>
      } @else if (nameRu().hasError('server')) {
        <mat-error>{{ nameRu().getError('server') }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferenceFields {
  readonly code = input<FormControl<string> | null>(null);
  readonly codeHint = input('');
  readonly nameEn = input.required<FormControl<string>>();
  readonly nameRu = input.required<FormControl<string>>();

  protected readonly limits = { code: REFERENCE_CODE_MAX_LENGTH, name: REFERENCE_NAME_MAX_LENGTH };

  constructor() {
    // the dialog marks the controls touched or puts the server's errors on them: show that at once
    const changeDetector = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const controls = [this.code(), this.nameEn(), this.nameRu()].filter((control) => control !== null);
      const subscription = merge(...controls.map((control) => control.events)).subscribe(() =>
        changeDetector.markForCheck(),
      );
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
