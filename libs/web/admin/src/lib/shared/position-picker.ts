import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { LanguageCode, Position } from '@border-academy/shared-contracts';
import { PositionClient } from '@border-academy/web-data-access';
import {
  LOOKUP_FIELD_IMPORTS,
  LOOKUP_FIELD_STYLES,
  LOOKUP_FIELD_TEMPLATE,
  LOOKUP_PAGE_SIZE,
  LookupField,
  LookupOption,
} from '@border-academy/web-ui';

import { localized } from './localized.pipe';

/** Finds a position of the shared catalogue by a part of its name or code; the value is its id. */
@Component({
  selector: 'ba-position-picker',
  imports: [LOOKUP_FIELD_IMPORTS],
  template: LOOKUP_FIELD_TEMPLATE,
  styles: LOOKUP_FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PositionPicker extends LookupField {
  private readonly positions = inject(PositionClient);

  protected search(text: string): Observable<LookupOption[]> {
    const language = this.transloco.getActiveLang() as LanguageCode;
    return this.positions
      .list({ q: text || undefined, language, pageSize: LOOKUP_PAGE_SIZE })
      .pipe(map((page) => page.items.map((position) => this.option(position))));
  }

  protected find(id: string): Observable<LookupOption> {
    return this.positions.get(id).pipe(map((position) => this.option(position)));
  }

  private option(position: Position): LookupOption {
    return {
      id: position.id,
      label: localized(position.name, this.transloco.getActiveLang() as LanguageCode),
      detail: position.code,
    };
  }
}
