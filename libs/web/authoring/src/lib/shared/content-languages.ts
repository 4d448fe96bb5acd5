import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, of, shareReplay } from 'rxjs';
import { ContentLanguage } from '@border-academy/shared-contracts';
import { CourseClient } from '@border-academy/web-data-access';

/** Used until the server has answered, or when it cannot: the two languages every course has today. */
const KNOWN: ContentLanguage[] = [
  { code: 'en', nativeName: 'English', position: 1 },
  { code: 'ru', nativeName: 'Русский', position: 2 },
];

/** The languages courses may be written in: data from the server, so adding one needs no code. */
@Injectable({ providedIn: 'root' })
export class ContentLanguages {
  private readonly loaded = inject(CourseClient)
    .contentLanguages()
    .pipe(
      catchError(() => of(KNOWN)),
      shareReplay(1),
    );

  /** In the order of pickers and side-by-side views. */
  readonly all = toSignal(this.loaded, { initialValue: KNOWN });

  codes(): string[] {
    return [...this.all()].sort((a, b) => a.position - b.position).map((language) => language.code);
  }

  nativeName(code: string): string {
    return this.all().find((language) => language.code === code)?.nativeName ?? code;
  }
}
