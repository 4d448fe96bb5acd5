import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Observable, map } from 'rxjs';
import { AuthorCandidate } from '@border-academy/shared-contracts';
import { CourseClient } from '@border-academy/web-data-access';
import {
  LOOKUP_FIELD_IMPORTS,
  LOOKUP_FIELD_STYLES,
  LOOKUP_FIELD_TEMPLATE,
  LOOKUP_PAGE_SIZE,
  LookupField,
  LookupOption,
} from '@border-academy/web-ui';

/**
 * Finds someone who may author the course (a trainer, reviewer or admin over its unit) by part of their
 * name or login; the value is their id. Trainers search here without access to the users' administration.
 */
@Component({
  selector: 'ba-author-picker',
  imports: [LOOKUP_FIELD_IMPORTS],
  template: LOOKUP_FIELD_TEMPLATE,
  styles: LOOKUP_FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthorPicker extends LookupField {
  readonly courseId = input.required<string>();

  private readonly courses = inject(CourseClient);

  protected search(text: string): Observable<LookupOption[]> {
    return this.courses
      .authorCandidates(this.courseId(), { q: text || undefined, pageSize: LOOKUP_PAGE_SIZE })
      .pipe(map((page) => page.items.map(authorOption)));
  }

  protected find(id: string): Observable<LookupOption> {
    return this.courses.authorCandidates(this.courseId(), { id }).pipe(
      map((page) => {
        const person = page.items[0];
        if (!person) throw new Error(`No author candidate ${id}`);
        return authorOption(person);
      }),
    );
  }
}

export function authorOption(person: AuthorCandidate): LookupOption {
  return { id: person.id, label: person.fullName, detail: person.login };
}
