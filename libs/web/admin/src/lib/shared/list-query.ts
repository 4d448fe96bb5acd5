import { Signal, effect, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable, debounceTime, tap } from 'rxjs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@border-academy/shared-contracts';

type FilterValues = Record<string, string | null>;

/** A filter form as `bindFiltersToUrl` needs it. */
export interface FilterForm<T extends FilterValues> {
  readonly valueChanges: Observable<unknown>;
  getRawValue(): T;
  setValue(value: T, options: { emitEvent: boolean }): void;
}

const FILTER_DELAY_MS = 300;

/** Page sizes a list of the administration offers. */
export const PAGE_SIZES = [20, 50, 100] as const;

/** A value of the URL's query when it is one of the allowed ones; anything else counts as not given. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** A 1-based page number from the URL's query; 1 when absent or not a page number. */
export function pageFrom(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function pageSizeFrom(value: string | undefined): number {
  const size = Number(value);
  return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE;
}

/** The query parameters to put in the URL: empty values are left out, so the address stays short. */
export function urlQuery(values: Record<string, string | number | null | undefined>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== undefined && text !== null && text !== '') query[name] = String(text);
  }
  return query;
}

/**
 * Keeps a list's filter form and the URL in step. The URL is the truth: Back or a shared link puts its
 * filters into the form. A change in the form, once typing pauses, calls `navigate` to put the filters
 * into the URL, unless they are what it holds already. While a change waits for that pause, the URL
 * catching up with an earlier change does not overwrite it: the pending change navigates with the whole
 * form. Call it in an injection context.
 */
export function bindFiltersToUrl<T extends FilterValues>(
  form: FilterForm<T>,
  fromUrl: Signal<T>,
  navigate: () => void,
): void {
  let pending = false;
  effect(() => {
    const values = fromUrl();
    untracked(() => {
      if (!pending) form.setValue(values, { emitEvent: false });
    });
  });
  form.valueChanges
    .pipe(
      tap(() => (pending = true)),
      debounceTime(FILTER_DELAY_MS),
      takeUntilDestroyed(),
    )
    .subscribe(() => {
      pending = false;
      if (JSON.stringify(urlQuery(form.getRawValue())) !== JSON.stringify(urlQuery(fromUrl()))) navigate();
    });
}
