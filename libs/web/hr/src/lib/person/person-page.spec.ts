import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { StaffQualification, StaffRecord } from '@border-academy/shared-contracts';

import { settle, setUpHrTestBed, visibleText } from '../../testing/hr-test-bed';
import { PersonPage } from './person-page';

jest.setTimeout(30_000);

const BORDER_CHECKS = {
  id: 'q1',
  code: 'ibm-border-checks',
  name: { en: 'Border checks' },
  area: 'IBM' as const,
};

function borderChecks(change: Partial<StaffQualification> = {}): StaffQualification {
  return {
    qualification: BORDER_CHECKS,
    status: 'expiring',
    required: true,
    grantedAt: '2024-04-10T00:00:00Z',
    expiresAt: '2026-04-10T00:00:00Z',
    history: [
      {
        id: 'e1',
        kind: 'granted',
        at: '2022-04-10T00:00:00Z',
        by: null,
        source: 'courses',
        expiresAt: '2024-04-10T00:00:00Z',
        note: null,
        evidence: null,
      },
      {
        id: 'e2',
        kind: 'renewed',
        at: '2024-04-10T00:00:00Z',
        by: { id: 'hr1', fullName: 'Dana Hr' },
        source: 'assessment',
        expiresAt: '2026-04-10T00:00:00Z',
        note: 'Classroom session in Almaty',
        evidence: { id: 'ev1', fileName: 'protocol.pdf', mediaType: 'application/pdf', size: 1000 },
      },
    ],
    ...change,
  };
}

function record(): StaffRecord {
  return {
    person: {
      id: 'p1',
      fullName: 'Aliya Nurlanova',
      login: 'kz.officer1',
      email: null,
      orgUnit: { id: 'u1', name: { en: 'Khorgos' } },
      position: { id: 'pos1', code: 'first-line-border-guard', name: { en: 'First-line border guard' } },
    },
    qualifications: [borderChecks()],
    enrolments: [
      {
        id: 'en1',
        course: { id: 'c1', code: 'ibm-101', title: { en: 'Border checks basics' } },
        status: 'in_progress',
        source: 'assigned',
        progressPercent: 40,
        enrolledAt: '2026-01-05T00:00:00Z',
        dueAt: '2026-02-01T00:00:00Z',
        completedAt: null,
        overdue: true,
        certificate: null,
      },
    ],
  };
}

describe('PersonPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(id: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create(`/staff/people/${id}`);
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    harness.detectChanges();
    return http.expectOne(`/api/v1/staff/${id}`);
  }

  async function rendered(): Promise<void> {
    await settle();
    harness.detectChanges();
  }

  beforeEach(async () => {
    http = await setUpHrTestBed([{ path: 'staff/people/:userId', component: PersonPage }]);
  });

  afterEach(() => http.verify());

  it('says "not found" for someone outside the HR scope, which the API answers 404', async () => {
    (await open('kg-person')).flush(
      { type: 'about:blank', title: 'Not Found', status: 404 },
      { status: 404, statusText: 'Not Found' },
    );
    await rendered();
    expect(visibleText(page.querySelector('[data-testid="person-not-found"]'))).toBe(
      'No such person in your scope.',
    );
    expect(page.querySelector('[data-testid="person-name"]')).toBeNull();
  });

  it('shows each qualification with its status and whole history, and the enrolments with the overdue flag', async () => {
    (await open('p1')).flush(record());
    await rendered();
    expect(visibleText(page.querySelector('[data-testid="person-name"]'))).toBe('Aliya Nurlanova');
    const qualification = page.querySelector('[data-testid="person-qualification"]');
    expect(visibleText(qualification?.querySelector('h4'))).toContain('Border checks');
    expect(visibleText(qualification?.querySelector('ba-qualification-status'))).toBe(
      'Expiring Apr 10, 2026',
    );
    const events = Array.from(
      qualification?.querySelectorAll('[data-testid="qualification-history"] li') ?? [],
    );
    expect(events.map((event) => event.getAttribute('data-kind'))).toEqual(['granted', 'renewed']);
    expect(visibleText(events[0])).toContain('by the platform');
    expect(visibleText(events[1])).toContain('Renewed');
    expect(visibleText(events[1])).toContain('by Dana Hr');
    expect(visibleText(events[1])).toContain('Assessed event');
    expect(visibleText(events[1])).toContain('Classroom session in Almaty');
    expect(visibleText(events[1])).toContain('Evidence: protocol.pdf');
    const enrolment = page.querySelector('[data-testid="person-enrolments"] tbody tr');
    expect(visibleText(enrolment)).toContain('Border checks basics');
    expect(visibleText(enrolment?.querySelector('[data-testid="overdue-flag"]'))).toBe('Overdue');
  });

  it('records a grant in the dialog and shows the new standing and history at once', async () => {
    (await open('p1')).flush(record());
    await rendered();
    page.querySelector<HTMLButtonElement>('[data-testid="record-grant"]')?.click();
    await rendered();
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid="grant-note"]');
    if (!note) throw new Error('no grant dialog');
    note.value = 'Passed the assessed exercise';
    note.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('mat-dialog-container [data-testid="save"]')?.click();
    await rendered();

    const grant = http.expectOne({ method: 'POST', url: '/api/v1/staff/p1/qualifications/q1/grants' });
    expect(grant.request.body).toEqual({
      source: 'assessment',
      note: 'Passed the assessed exercise',
      evidenceId: null,
      grantedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const renewed = borderChecks({
      status: 'valid',
      expiresAt: '2028-03-01T00:00:00Z',
      history: [
        ...borderChecks().history,
        {
          id: 'e3',
          kind: 'renewed',
          at: '2026-03-01T00:00:00Z',
          by: { id: 'hr1', fullName: 'Dana Hr' },
          source: 'assessment',
          expiresAt: '2028-03-01T00:00:00Z',
          note: 'Passed the assessed exercise',
          evidence: null,
        },
      ],
    });
    grant.flush(renewed);
    await rendered();

    const qualification = page.querySelector('[data-testid="person-qualification"]');
    expect(visibleText(qualification?.querySelector('ba-qualification-status'))).toBe('Valid Mar 1, 2028');
    expect(qualification?.querySelectorAll('[data-testid="qualification-history"] li')).toHaveLength(3);
    expect(visibleText(page.querySelector('[data-testid="notice-done"]'))).toBe('The grant is recorded.');
  });

  it('does not send a grant without a note', async () => {
    (await open('p1')).flush(record());
    await rendered();
    page.querySelector<HTMLButtonElement>('[data-testid="record-grant"]')?.click();
    await rendered();
    document.querySelector<HTMLButtonElement>('mat-dialog-container [data-testid="save"]')?.click();
    await rendered();
    http.expectNone('/api/v1/staff/p1/qualifications/q1/grants');
    expect(visibleText(document.querySelector('mat-dialog-container mat-error'))).toBe('Required.');
  });
});
