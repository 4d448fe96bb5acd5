import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Observable, map, of } from 'rxjs';
import { CatalogueCourse } from '@border-academy/shared-contracts';
import { CatalogueClient } from '@border-academy/web-data-access';
import {
  LOOKUP_FIELD_IMPORTS,
  LOOKUP_FIELD_STYLES,
  LOOKUP_FIELD_TEMPLATE,
  LOOKUP_PAGE_SIZE,
  LookupField,
  LookupOption,
  contentTextIn,
} from '@border-academy/web-ui';

/**
 * Finds a published course of the catalogue by a part of its title, description or code; the value is
 * the course's id. The catalogue has no look-up by id, so the field names a course it has offered.
 */
@Component({
  selector: 'ba-course-picker',
  imports: [LOOKUP_FIELD_IMPORTS],
  template: LOOKUP_FIELD_TEMPLATE,
  styles: LOOKUP_FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoursePicker extends LookupField {
  private readonly catalogue = inject(CatalogueClient);
  private readonly seen = new Map<string, LookupOption>();

  protected search(text: string): Observable<LookupOption[]> {
    return this.catalogue.courses({ q: text || undefined, pageSize: LOOKUP_PAGE_SIZE }).pipe(
      map((page) =>
        page.items.map((course) => {
          const option = this.option(course);
          this.seen.set(option.id, option);
          return option;
        }),
      ),
    );
  }

  protected find(id: string): Observable<LookupOption> {
    return of(this.seen.get(id) ?? { id, label: id });
  }

  /** The course last picked, with its title, for a list of chosen courses beside the field. */
  optionFor(id: string): LookupOption | undefined {
    return this.seen.get(id);
  }

  private option(course: CatalogueCourse): LookupOption {
    const title = contentTextIn(course.title, this.transloco.getActiveLang(), course.defaultLanguage).text;
    return { id: course.id, label: title, detail: course.code };
  }
}
