import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { UserSummary } from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';
import {
  LOOKUP_FIELD_IMPORTS,
  LOOKUP_FIELD_STYLES,
  LOOKUP_FIELD_TEMPLATE,
  LOOKUP_PAGE_SIZE,
  LookupField,
  LookupOption,
} from '@border-academy/web-ui';

/** Finds a person inside the admin's scope by a part of their name or login; the value is their id. */
@Component({
  selector: 'ba-user-picker',
  imports: [LOOKUP_FIELD_IMPORTS],
  template: LOOKUP_FIELD_TEMPLATE,
  styles: LOOKUP_FIELD_STYLES,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPicker extends LookupField {
  private readonly users = inject(UserClient);

  protected search(text: string): Observable<LookupOption[]> {
    return this.users
      .list({ q: text || undefined, pageSize: LOOKUP_PAGE_SIZE })
      .pipe(map((page) => page.items.map(option)));
  }

  protected find(id: string): Observable<LookupOption> {
    return this.users.get(id).pipe(map(option));
  }
}

function option(user: UserSummary): LookupOption {
  return { id: user.id, label: user.fullName, detail: user.login };
}
