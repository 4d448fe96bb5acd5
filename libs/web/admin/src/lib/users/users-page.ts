import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ROLES,
  USER_SORTS,
  USER_STATUSES,
  UserListQuery,
  UserSort,
  UserSummary,
} from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';
import { LanguagePreference, ROLE_LABELS } from '@border-academy/web-i18n';

import { ListFrame } from '../shared/list-frame';
import { PAGE_SIZES, bindFiltersToUrl, oneOf, pageFrom, pageSizeFrom, urlQuery } from '../shared/list-query';
import { localized } from '../shared/localized.pipe';
import { OrgUnitPicker } from '../shared/org-unit-picker';
import { PositionPicker } from '../shared/position-picker';
import { STATUS_LABELS } from './user-labels';

/** The columns the server sorts by; a leading `-` in the URL's `sort` turns the order round. */
type SortColumn = 'name' | 'login' | 'createdAt';

/**
 * The users inside the admin's scope: searched, filtered, sorted and paged on the server. Every filter,
 * the order and the page live in the URL's query, so Back returns to the list as it was and a filtered
 * list can be shared as a link.
 */
@Component({
  selector: 'ba-users-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListFrame,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    OrgUnitPicker,
    PositionPicker,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly client = inject(UserClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguagePreference).active;

  // the URL's query parameters, bound by the router
  readonly q = input<string>();
  readonly orgUnitId = input<string>();
  readonly positionId = input<string>();
  readonly role = input<string>();
  readonly status = input<string>();
  readonly sort = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly roles = ROLES;
  protected readonly statuses = USER_STATUSES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly columns = ['name', 'login', 'orgUnit', 'position', 'roles', 'status', 'createdAt'];

  protected readonly query = computed((): UserListQuery => ({
    q: this.q()?.trim() || undefined,
    orgUnitId: this.orgUnitId() || undefined,
    positionId: this.positionId() || undefined,
    role: oneOf(this.role(), ROLES),
    status: oneOf(this.status(), USER_STATUSES),
    sort: oneOf(this.sort(), USER_SORTS) ?? 'name',
    page: pageFrom(this.page()),
    pageSize: pageSizeFrom(this.pageSize()),
  }));
  protected readonly users = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.list(params),
  });
  protected readonly items = computed(() => (this.users.hasValue() ? this.users.value().items : []));
  protected readonly sortColumn = computed(
    () => (this.query().sort ?? 'name').replace('-', '') as SortColumn,
  );
  protected readonly sortDirection = computed(() => (this.query().sort?.startsWith('-') ? 'desc' : 'asc'));

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    orgUnitId: [null as string | null],
    positionId: [null as string | null],
    role: [''],
    status: [''],
  });
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!(query.q || query.orgUnitId || query.positionId || query.role || query.status);
  });

  constructor() {
    bindFiltersToUrl(
      this.filters,
      computed(() => {
        const query = this.query();
        return {
          q: query.q ?? '',
          orgUnitId: query.orgUnitId ?? null,
          positionId: query.positionId ?? null,
          role: query.role ?? '',
          status: query.status ?? '',
        };
      }),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected unitName(user: UserSummary): string {
    return localized(user.orgUnitName, this.language());
  }

  protected positionName(user: UserSummary): string {
    return user.positionName ? localized(user.positionName, this.language()) : '—';
  }

  protected statusLabel(user: UserSummary): string {
    return STATUS_LABELS[user.status];
  }

  protected roleNames(user: UserSummary): string {
    return user.roles.map((role) => this.transloco.translate(ROLE_LABELS[role])).join(', ') || '—';
  }

  protected createdAt(user: UserSummary): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), { dateStyle: 'medium' }).format(
      new Date(user.createdAt),
    );
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected changeSort(sort: Sort): void {
    const column = sort.active as SortColumn;
    const order = (sort.direction === 'desc' ? `-${column}` : column) as UserSort;
    void this.navigate({ sort: order, page: 1 });
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(change: Partial<UserListQuery>): Promise<boolean> {
    const values = this.filters.getRawValue();
    const query = this.query();
    const next = {
      q: values.q,
      orgUnitId: values.orgUnitId,
      positionId: values.positionId,
      role: values.role,
      status: values.status,
      sort: query.sort === 'name' ? undefined : query.sort,
      page: query.page === 1 ? undefined : query.page,
      pageSize: query.pageSize === PAGE_SIZES[0] ? undefined : query.pageSize,
      ...change,
    };
    if (next.page === 1) next.page = undefined;
    if (next.sort === 'name') next.sort = undefined;
    return this.router.navigate([], { relativeTo: this.route, queryParams: urlQuery(next) });
  }
}
