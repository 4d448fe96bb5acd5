import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  AUDIT_ACTIONS,
  AuditEvent,
  AuditEventListQuery,
  AuditPerson,
} from '@border-academy/shared-contracts';
import { AuditClient } from '@border-academy/web-data-access';

import { ListFrame } from '../shared/list-frame';
import { PAGE_SIZES, bindFiltersToUrl, oneOf, pageFrom, pageSizeFrom, urlQuery } from '../shared/list-query';
import { UserPicker } from '../shared/user-picker';
import { SummaryLine, summaryLines } from './audit-summary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day of the URL (`2026-11-28`) when it is one. */
function day(value: string | undefined): string | undefined {
  return value && DATE.test(value) && !Number.isNaN(new Date(`${value}T00:00`).getTime()) ? value : undefined;
}

/** The start of a local calendar day, `days` after the given one, as the instant the API takes. */
function startOfDay(value: string, days = 0): string {
  const date = new Date(`${value}T00:00`);
  date.setDate(date.getDate() + days);
  return date.toISOString();
}

/**
 * The audit trail about people in the admin's scope, newest first: who did what to whom, when and from
 * where, each entry's before/after on demand. Filters by actor, target, action and days live in the URL.
 */
@Component({
  selector: 'ba-audit-page',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ListFrame,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    TranslocoPipe,
    UserPicker,
  ],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly client = inject(AuditClient);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly transloco = inject(TranslocoService);

  // the URL's query parameters, bound by the router
  readonly actorUserId = input<string>();
  readonly targetId = input<string>();
  readonly action = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();
  readonly page = input<string>();
  readonly pageSize = input<string>();

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly columns = ['at', 'actor', 'action', 'target', 'ip', 'summary'];
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  private readonly filterValues = computed(() => ({
    actorUserId: UUID.test(this.actorUserId() ?? '') ? this.actorUserId() : undefined,
    targetId: this.targetId()?.slice(0, 200) || undefined,
    action: oneOf(this.action(), AUDIT_ACTIONS),
    from: day(this.from()),
    to: day(this.to()),
  }));
  protected readonly query = computed((): AuditEventListQuery => {
    const filters = this.filterValues();
    return {
      actorUserId: filters.actorUserId,
      targetId: filters.targetId,
      action: filters.action,
      from: filters.from ? startOfDay(filters.from) : undefined,
      // the last day counts in full: up to the start of the next
      to: filters.to ? startOfDay(filters.to, 1) : undefined,
      page: pageFrom(this.page()),
      pageSize: pageSizeFrom(this.pageSize()),
    };
  });
  protected readonly events = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.client.list(params),
  });
  protected readonly items = computed(() => (this.events.hasValue() ? this.events.value().items : []));
  protected readonly filtered = computed(() => Object.values(this.filterValues()).some(Boolean));

  protected readonly filters = inject(NonNullableFormBuilder).group({
    actorUserId: [null as string | null],
    targetId: [null as string | null],
    action: [''],
    from: [''],
    to: [''],
  });

  constructor() {
    bindFiltersToUrl(
      this.filters,
      computed(() => {
        const values = this.filterValues();
        return {
          actorUserId: values.actorUserId ?? null,
          targetId: values.targetId ?? null,
          action: values.action ?? '',
          from: values.from ?? '',
          to: values.to ?? '',
        };
      }),
      () => void this.navigate({ page: 1 }),
    );
  }

  protected time(event: AuditEvent): string {
    return new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(new Date(event.at));
  }

  protected person(person: AuditPerson | null, id: string | null): string {
    if (person) return `${person.fullName} (${person.login})`;
    return id ?? this.transloco.translate('admin.audit.nobody');
  }

  protected target(event: AuditEvent): string {
    if (event.targetUser) return this.person(event.targetUser, null);
    return event.targetId ? `${event.targetType ?? ''} ${event.targetId}`.trim() : '—';
  }

  protected actionLabel(action: string): string {
    const key = `admin.audit.actions.${action}`;
    const label = this.transloco.translate(key);
    return label === key ? action : label;
  }

  protected lines(event: AuditEvent): SummaryLine[] {
    return summaryLines(event);
  }

  protected hasSummary(event: AuditEvent): boolean {
    return Object.keys(event.summary).length > 0;
  }

  protected toggle(event: AuditEvent): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(event.id)) next.add(event.id);
      return next;
    });
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected changePage(event: PageEvent): void {
    void this.navigate({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  private navigate(change: { page: number; pageSize?: number }): Promise<boolean> {
    const query = this.query();
    const pageSize = change.pageSize ?? query.pageSize;
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: urlQuery({
        ...this.filters.getRawValue(),
        page: change.page === 1 ? undefined : change.page,
        pageSize: pageSize === PAGE_SIZES[0] ? undefined : pageSize,
      }),
    });
  }
}
