import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CourseSummary } from '@border-academy/shared-contracts';
import { CourseClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import {
  LOOKUP_FIELD_IMPORTS,
  LOOKUP_FIELD_STYLES,
  LOOKUP_FIELD_TEMPLATE,
  LookupField,
  LookupOption,
  contentTextIn,
} from '@border-academy/web-ui';

/** Finds a course of the trainer's scope by part of its code or title; the value is its id. */
@Component({
  selector: 'ba-course-picker',
  imports: [LOOKUP_FIELD_IMPORTS],
  template: LOOKUP_FIELD_TEMPLATE,
  styles: LOOKUP_FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoursePicker extends LookupField {
  /** The course being edited, which cannot be its own prerequisite. */
  readonly excludeId = input<string>();

  private readonly courses = inject(CourseClient);
  private readonly language = inject(LanguagePreference).active;

  protected search(text: string): Observable<LookupOption[]> {
    return this.courses
      .list({ q: text || undefined, pageSize: 20 })
      .pipe(
        map((page) =>
          page.items.filter((course) => course.id !== this.excludeId()).map((c) => this.option(c)),
        ),
      );
  }

  protected find(id: string): Observable<LookupOption> {
    return this.courses.get(id).pipe(map((course) => this.option(course)));
  }

  private option(course: Pick<CourseSummary, 'id' | 'code' | 'title' | 'defaultLanguage'>): LookupOption {
    return {
      id: course.id,
      label: contentTextIn(course.title, this.language(), course.defaultLanguage).text,
      detail: course.code,
    };
  }
}
