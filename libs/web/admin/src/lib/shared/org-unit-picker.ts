import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  ControlValueAccessor,
  FormControl,
  NgControl,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { OrgUnit } from '@border-academy/shared-contracts';
import { OrgUnitClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { LocalizedPipe, localized } from './localized.pipe';

/** How many matches the picker offers; when more match, it asks the user to type more. */
export const ORG_UNIT_PICKER_LIMIT = 20;
const SEARCH_DELAY_MS = 250;

let nextId = 0;

/**
 * A searchable choice of one org unit, used as a form control whose value is the unit's id
 * (`formControlName="orgUnitId"`): type part of a name (in any language) or of a code, pick from the
 * matches. By default it offers only the active units the signed-in admin administers; `exclude`
 * leaves out more (a unit's own subtree when moving it). `picked` tells the whole unit chosen.
 */
@Component({
  selector: 'ba-org-unit-picker',
  imports: [
    LocalizedPipe,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <mat-form-field class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="text"
        data-testid="org-unit-picker"
        [formControl]="search"
        [matAutocomplete]="auto"
        [errorStateMatcher]="errorState"
        [required]="required"
        (blur)="touched()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="choose($event)">
        @if (!term()) {
          <mat-option disabled>{{ 'admin.orgUnitPicker.typeToSearch' | transloco }}</mat-option>
        } @else if (matches.isLoading()) {
          <mat-option disabled>{{ 'admin.orgUnitPicker.searching' | transloco }}</mat-option>
        } @else if (matches.error()) {
          <mat-option disabled>{{ 'admin.orgUnitPicker.failed' | transloco }}</mat-option>
        } @else {
          @for (unit of options(); track unit.id) {
            <mat-option [value]="unit">
              {{ unit.name | localized: language() }}
              <span class="code">{{ unit.code }}</span>
            </mat-option>
          } @empty {
            <mat-option disabled>{{ 'admin.orgUnitPicker.noMatch' | transloco }}</mat-option>
          }
          @if (more()) {
            <mat-option disabled>{{ 'admin.orgUnitPicker.typeMore' | transloco }}</mat-option>
          }
        }
      </mat-autocomplete>
      <mat-hint [id]="hintId">{{ hint() || ('admin.orgUnitPicker.hint' | transloco) }}</mat-hint>
      @if (ngControl?.hasError('required')) {
        <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
      } @else if (ngControl?.hasError('server')) {
        <mat-error>{{ ngControl?.getError('server') }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
    .code {
      margin-inline-start: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgUnitPicker implements ControlValueAccessor, OnInit {
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly ngControl = inject(NgControl, { self: true, optional: true });

  readonly label = input.required<string>();
  readonly hint = input('');
  /** Offer only units inside the signed-in admin's scope (the default), or any unit of the tree. */
  readonly administeredOnly = input(true);
  /** Units not to offer, though they match. */
  readonly exclude = input<(unit: OrgUnit) => boolean>(() => false);
  /** The unit chosen, or null once the text no longer names one. */
  readonly picked = output<OrgUnit | null>();

  protected readonly hintId = `ba-org-unit-picker-hint-${nextId++}`;
  protected readonly language = inject(LanguagePreference).active;
  protected readonly search = new FormControl<string | OrgUnit>('', { nonNullable: true });
  protected readonly term = toSignal(
    this.search.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : null)),
      debounceTime(SEARCH_DELAY_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly matches = rxResource({
    params: () => this.term() || undefined,
    stream: ({ params: q }) =>
      this.orgUnits.list({
        q,
        pageSize: ORG_UNIT_PICKER_LIMIT,
        ...(this.administeredOnly() ? { administered: true } : {}),
      }),
  });
  protected readonly options = computed(() => {
    const page = this.matches.hasValue() ? this.matches.value() : null;
    const exclude = this.exclude();
    return page ? page.items.filter((unit) => !exclude(unit)) : [];
  });
  protected readonly more = computed(() => {
    const page = this.matches.hasValue() ? this.matches.value() : null;
    return !!page && page.total > page.items.length;
  });
  /** The field shows the form's verdict on the chosen id, not on the text typed. */
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => !!this.ngControl?.invalid && !!this.ngControl.touched,
  };

  private onChange: (id: string | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  protected readonly display = (value: OrgUnit | string | null): string =>
    value && typeof value === 'object' ? localized(value.name, this.language()) : (value ?? '');

  constructor() {
    if (this.ngControl) this.ngControl.valueAccessor = this;
    // typing again after a choice starts a new search: the earlier choice no longer holds
    this.search.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value === 'string') {
        this.onChange(null);
        this.picked.emit(null);
      }
    });
  }

  get required(): boolean {
    return !!this.ngControl?.control?.hasValidator(Validators.required);
  }

  ngOnInit(): void {
    // the form marks the control touched or puts the server's objection on it: show that at once
    this.ngControl?.control?.events
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.changeDetector.markForCheck());
  }

  writeValue(id: string | null): void {
    const shown = this.search.value;
    if (!id) {
      this.search.setValue('', { emitEvent: false });
    } else if (typeof shown !== 'object' || shown.id !== id) {
      this.orgUnits.get(id).subscribe((unit) => {
        this.search.setValue(unit, { emitEvent: false });
        this.changeDetector.markForCheck();
      });
    }
  }

  registerOnChange(change: (id: string | null) => void): void {
    this.onChange = change;
  }

  registerOnTouched(touched: () => void): void {
    this.onTouched = touched;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.search.disable({ emitEvent: false });
    else this.search.enable({ emitEvent: false });
  }

  protected touched(): void {
    this.onTouched();
  }

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const unit = event.option.value as OrgUnit;
    this.onChange(unit.id);
    this.picked.emit(unit);
  }
}
