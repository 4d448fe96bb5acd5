import {
  AfterViewInit,
  ChangeDetectorRef,
  DestroyRef,
  Directive,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ControlValueAccessor,
  FormControl,
  NgControl,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, Subject, catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';

/** One choice of a lookup: what it is, how it reads, and a second line that tells similar ones apart. */
export interface LookupOption {
  id: string;
  label: string;
  detail?: string;
}

type Results =
  | { state: 'idle' | 'loading' | 'failed'; options: LookupOption[] }
  | { state: 'done'; options: LookupOption[] };

/** What the template of a lookup field needs; each picker component imports these. */
export const LOOKUP_FIELD_IMPORTS = [
  MatAutocompleteModule,
  MatButtonModule,
  MatFormFieldModule,
  MatInputModule,
  ReactiveFormsModule,
  TranslocoPipe,
] as const;

/** How many matches a lookup offers; typing more of the name narrows them. */
export const LOOKUP_PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;
let nextId = 0;

/**
 * A form field that finds a record by typing part of its name and picking it from the list the server
 * returns; its value is the record's id (null when empty). Subclasses say how to search and how to name
 * an id the form already holds. A typed text that was not picked is undone when the field is left, so
 * the value is always a record the server knows. Errors of the form control show below the field: the
 * `server` error's message, or that an empty required field needs a value.
 */
@Directive()
export abstract class LookupField implements ControlValueAccessor, AfterViewInit {
  readonly label = input.required<string>();
  readonly hint = input<string>();

  protected readonly transloco = inject(TranslocoService);
  private readonly ngControl = inject(NgControl, { self: true, optional: true });
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);

  protected readonly inputId = `ba-lookup-${nextId++}`;
  protected readonly text = new FormControl<string | LookupOption>('', { nonNullable: true });
  protected readonly results = signal<Results>({ state: 'idle', options: [] });
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => !!this.ngControl?.invalid && !!this.ngControl.touched,
  };
  private readonly queries = new Subject<string>();
  private selected: LookupOption | null = null;
  private onChange: (id: string | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  /** Records whose name or code contains the text; an empty text lists the first ones. */
  protected abstract search(text: string): Observable<LookupOption[]>;
  /** The option of a record the form already holds by its id. */
  protected abstract find(id: string): Observable<LookupOption>;

  constructor() {
    if (this.ngControl) this.ngControl.valueAccessor = this;
    this.queries
      .pipe(
        debounceTime(SEARCH_DELAY_MS),
        switchMap((query) =>
          this.search(query.trim()).pipe(
            map((options): Results => ({ state: 'done', options })),
            catchError(() => of<Results>({ state: 'failed', options: [] })),
            startWith<Results>({ state: 'loading', options: this.results().options }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((results) => this.results.set(results));
    this.text.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (typeof value !== 'string') return;
      if (value === '' && this.selected) this.choose(null);
      this.queries.next(value);
    });
  }

  ngAfterViewInit(): void {
    // the form's own control changes (touched, a server error) must redraw this OnPush field
    this.ngControl?.control?.events
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.changeDetector.markForCheck());
  }

  protected get required(): boolean {
    return !!this.ngControl?.control?.hasValidator(Validators.required);
  }

  protected get hasValue(): boolean {
    return this.selected !== null;
  }

  protected errorMessage(): string | null {
    const control = this.ngControl;
    if (!control?.errors || !control.touched) return null;
    const server: unknown = control.errors['server'];
    if (typeof server === 'string') return server;
    return control.errors['required'] ? this.transloco.translate('admin.dialog.required') : null;
  }

  protected readonly display = (value: string | LookupOption | null): string =>
    typeof value === 'string' ? value : (value?.label ?? '');

  protected openList(): void {
    if (this.results().state === 'idle') this.queries.next('');
  }

  protected pick(option: LookupOption): void {
    this.choose(option);
  }

  protected clear(): void {
    this.text.setValue('', { emitEvent: false });
    this.choose(null);
    this.onTouched();
  }

  /** Leaving the field without picking puts back what was picked before. */
  protected leave(): void {
    this.onTouched();
    if (!this.trigger().panelOpen) this.undoTyping();
  }

  protected undoTyping(): void {
    if (typeof this.text.value === 'string' && this.text.value !== '') {
      this.text.setValue(this.selected ?? '', { emitEvent: false });
    }
  }

  writeValue(id: string | null): void {
    if (!id) {
      this.selected = null;
      this.text.setValue('', { emitEvent: false });
      return;
    }
    if (this.selected?.id === id) return;
    this.selected = { id, label: '' };
    this.find(id)
      .pipe(
        catchError(() => of<LookupOption>({ id, label: id })),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((option) => {
        if (this.selected?.id !== id) return;
        this.selected = option;
        this.text.setValue(option, { emitEvent: false });
        this.changeDetector.markForCheck();
      });
  }

  registerOnChange(onChange: (id: string | null) => void): void {
    this.onChange = onChange;
  }

  registerOnTouched(onTouched: () => void): void {
    this.onTouched = onTouched;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.text.disable({ emitEvent: false });
    else this.text.enable({ emitEvent: false });
  }

  private choose(option: LookupOption | null): void {
    this.selected = option;
    this.onChange(option?.id ?? null);
  }
}

/**
 * The template and styles of every lookup field: a picker component takes them as its own
 * (`template: LOOKUP_FIELD_TEMPLATE, styles: LOOKUP_FIELD_STYLES`), whichever library it lives in.
 */
export const LOOKUP_FIELD_TEMPLATE = `
<mat-form-field appearance="outline" class="lookup">
  <mat-label>{{ label() }}</mat-label>
  <input
    matInput
    type="text"
    autocomplete="off"
    [id]="inputId"
    [formControl]="text"
    [matAutocomplete]="list"
    [errorStateMatcher]="errorState"
    [required]="required"
    (focus)="openList()"
    (blur)="leave()"
  />
  @if (hasValue && !text.disabled) {
  <button
    mat-icon-button
    matSuffix
    type="button"
    [attr.aria-label]="'admin.lookup.clear' | transloco: { label: label() }"
    (click)="clear()"
  >
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
      <path
        fill="currentColor"
        d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
      />
    </svg>
  </button>
  }
  <mat-autocomplete
    #list="matAutocomplete"
    [displayWith]="display"
    (optionSelected)="pick($event.option.value)"
    (closed)="undoTyping()"
  >
    @switch (results().state) { @case ('loading') {
    <mat-option disabled>{{ 'admin.lookup.searching' | transloco }}</mat-option>
    } @case ('failed') {
    <mat-option disabled>{{ 'admin.lookup.failed' | transloco }}</mat-option>
    } @case ('done') { @if (results().options.length === 0) {
    <mat-option disabled>{{ 'admin.lookup.none' | transloco }}</mat-option>
    } } } @if (results().state !== 'loading') { @for (option of results().options; track option.id) {
    <mat-option [value]="option">
      <span class="option-label">{{ option.label }}</span>
      @if (option.detail) {
      <span class="option-detail">{{ option.detail }}</span>
      }
    </mat-option>
    } }
  </mat-autocomplete>
  @if (hint(); as hint) {
  <mat-hint>{{ hint }}</mat-hint>
  } @if (errorMessage(); as message) {
  <mat-error>{{ message }}</mat-error>
  }
</mat-form-field>
`;

export const LOOKUP_FIELD_STYLES = `
:host {
  display: block;
}

.lookup {
  width: 100%;
}

.option-label,
.option-detail {
  display: block;
  line-height: 1.3;
}

.option-detail {
  font: var(--mat-sys-body-small);
  color: var(--mat-sys-on-surface-variant);
}
`;
