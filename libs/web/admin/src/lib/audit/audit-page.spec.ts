import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService } from '@jsverse/transloco';
import { AUDIT_ACTIONS, AuditEvent } from '@border-academy/shared-contracts';

import { aUser, pageOf, settle, setUpAdminTestBed, visibleText } from '../../testing/admin-pages';
import { AuditPage } from './audit-page';
import { summaryLines } from './audit-summary';

// the first render of a Material table with its paginator is slow while the whole suite shares two cores
jest.setTimeout(30_000);

const ADMIN = { id: '33333333-3333-4333-8333-333333333333', login: 'kz.admin', fullName: 'Kazakh Admin' };
const TARGET = aUser();

function anEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: '7',
    at: '2026-11-28T10:00:00Z',
    actorUserId: ADMIN.id,
    actor: ADMIN,
    action: 'grant.add',
    targetType: 'user',
    targetId: TARGET.id,
    targetUser: { id: TARGET.id, login: TARGET.login, fullName: TARGET.fullName },
    ip: '10.0.0.7',
    summary: { after: { role: 'trainer', orgUnitId: 'u-1' } },
    ...overrides,
  };
}

describe('AuditPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  const render = () => harness.detectChanges();

  /** Opens the page and answers its requests: the events, and the names of the people its filters hold. */
  async function open(path: string, events: AuditEvent[]): Promise<URLSearchParams> {
    harness = await RouterTestingHarness.create(path);
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/audit-events');
    request.flush(pageOf(events));
    for (const lookup of http.match((candidate) => candidate.url.startsWith('/api/v1/users/'))) {
      lookup.flush({ ...TARGET, grants: [] });
    }
    await settle();
    render();
    return new URLSearchParams(request.request.params.toString());
  }

  beforeEach(async () => {
    http = await setUpAdminTestBed([{ path: 'admin/audit', component: AuditPage }]);
  });

  afterEach(() => http.verify());

  it('asks for the filters of the URL, counting the last day in full', async () => {
    const params = await open(
      `/admin/audit?targetId=${TARGET.id}&action=grant.add&from=2026-11-01&to=2026-11-30&action2=x`,
      [],
    );
    expect(params.get('targetId')).toBe(TARGET.id);
    expect(params.get('action')).toBe('grant.add');
    expect(params.get('from')).toBe(new Date('2026-11-01T00:00').toISOString());
    expect(params.get('to')).toBe(new Date('2026-12-01T00:00').toISOString());
    expect(visibleText(page.querySelector('.empty'))).toBe('No entries match these filters.');
    const target = page.querySelectorAll<HTMLInputElement>('ba-user-picker input')[1];
    expect(target?.value).toBe('Aliya Nurlanova');
  });

  it('names who did what to whom, and shows the before and after on demand', async () => {
    await open('/admin/audit', [
      anEvent(),
      anEvent({
        id: '8',
        action: 'auth.sign-in-failed',
        actorUserId: null,
        actor: null,
        targetUser: null,
        targetId: 'no.such.login',
        summary: {},
      }),
    ]);
    const [granted, failed] = Array.from(page.querySelectorAll('[data-testid="audit-table"] tbody tr'));
    expect(visibleText(granted)).toContain('Kazakh Admin (kz.admin)');
    expect(visibleText(granted)).toContain('Role granted');
    expect(visibleText(granted)).toContain('Aliya Nurlanova (kz.a.nurlanova)');
    expect(visibleText(granted)).toContain('10.0.0.7');
    expect(visibleText(failed)).toContain('Nobody signed in');
    expect(visibleText(failed)).toContain('Sign-in failed');
    expect(visibleText(failed)).toContain('user no.such.login');

    const toggle = granted?.querySelector<HTMLButtonElement>('button');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await settle();
    render();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(visibleText(granted?.querySelector('.summary'))).toContain('role: trainer');
  });

  it('puts a chosen action into the URL, from the first page', async () => {
    await open('/admin/audit?page=2', []);
    page.querySelector<HTMLElement>('[data-testid="audit-action"] .mat-mdc-select-trigger')?.click();
    await settle();
    render();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (candidate) => visibleText(candidate) === 'User created',
    );
    option?.click();
    await settle(400);
    expect(TestBed.inject(Router).url).toBe('/admin/audit?action=user.create');
    http.expectOne((candidate) => candidate.url === '/api/v1/audit-events').flush(pageOf([]));
  });
});

describe('reading an audit entry', () => {
  it('shows a change field by field, and what was created or recorded as it is', () => {
    expect(
      summaryLines(
        anEvent({ summary: { before: { language: 'en' }, after: { language: 'ru' }, revokedSessions: 2 } }),
      ),
    ).toEqual([
      { field: 'language', before: 'en', after: 'ru' },
      { field: 'revokedSessions', value: '2' },
    ]);
    expect(
      summaryLines(anEvent({ summary: { after: { grants: [{ role: 'learner' }], positionId: null } } })),
    ).toEqual([
      { field: 'grants', value: '[{"role":"learner"}]' },
      { field: 'positionId', value: '—' },
    ]);
  });

  it('has a name in English and Russian for every action the platform records', async () => {
    await setUpAdminTestBed();
    const transloco = TestBed.inject(TranslocoService);
    for (const language of ['en', 'ru']) {
      transloco.setActiveLang(language);
      await settle();
      for (const action of AUDIT_ACTIONS) {
        const key = `admin.audit.actions.${action}`;
        expect(transloco.translate(key)).not.toBe(key);
      }
    }
  });
});
