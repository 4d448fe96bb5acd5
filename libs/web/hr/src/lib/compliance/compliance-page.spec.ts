import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ComplianceMatrix, ComplianceSummary } from '@border-academy/shared-contracts';

import { settle, setUpHrTestBed, visibleText } from '../../testing/hr-test-bed';
import { CompliancePage } from './compliance-page';

// the first render of a page with Material fields and a paginator is slow while the suite shares two cores
jest.setTimeout(30_000);

const BORDER_CHECKS = {
  id: 'q1',
  code: 'ibm-border-checks',
  name: { en: 'Border checks' },
  area: 'IBM' as const,
};
const REFERRAL = {
  id: 'q2',
  code: 'mig-referral',
  name: { en: 'Referral of migrants' },
  area: 'MIGRATION' as const,
};

function matrix(): ComplianceMatrix {
  return {
    columns: [BORDER_CHECKS, REFERRAL],
    items: [
      {
        person: { id: 'p1', fullName: 'Aliya Nurlanova', login: 'kz.officer1' },
        orgUnit: { id: 'u1', name: { en: 'Khorgos' } },
        position: { id: 'pos1', name: { en: 'First-line border guard' } },
        cells: [
          { qualificationId: 'q1', status: 'expiring', expiresAt: '2026-04-10T00:00:00Z' },
          { qualificationId: 'q2', status: 'missing', expiresAt: null },
        ],
      },
      {
        person: { id: 'p2', fullName: 'Bolat Seitkali', login: 'kz.officer2' },
        orgUnit: { id: 'u1', name: { en: 'Khorgos' } },
        position: null,
        cells: [{ qualificationId: 'q1', status: 'valid', expiresAt: '2027-01-01T00:00:00Z' }],
      },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    totals: { people: 2, compliantPeople: 1, valid: 1, expiring: 1, expired: 0, missing: 1 },
  };
}

const SUMMARY: ComplianceSummary = {
  byUnit: [
    {
      orgUnit: { id: 'u1', name: { en: 'Khorgos' } },
      people: 2,
      compliantPeople: 1,
      valid: 1,
      expiring: 1,
      expired: 0,
      missing: 1,
    },
  ],
  byArea: [{ area: 'IBM', valid: 1, expiring: 1, expired: 0, missing: 0 }],
};

describe('CompliancePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(path: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create(path);
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    harness.detectChanges();
    return http.expectOne((request) => request.url === '/api/v1/compliance/matrix');
  }

  async function answerAll(request: TestRequest): Promise<void> {
    request.flush(matrix());
    http.expectOne((r) => r.url === '/api/v1/compliance/summary').flush(SUMMARY);
    http
      .expectOne((r) => r.url === '/api/v1/compliance/trend')
      .flush([
        { day: '2026-03-01', area: 'IBM', held: 1, required: 2 },
        { day: '2026-03-02', area: 'IBM', held: 2, required: 2 },
      ]);
    await settle();
    harness.detectChanges();
  }

  beforeEach(async () => {
    http = await setUpHrTestBed([{ path: 'staff', component: CompliancePage }]);
  });

  afterEach(() => {
    // the unit filter names the unit of the URL
    for (const unit of http.match((r) => r.url.startsWith('/api/v1/org-units/'))) {
      unit.flush({ id: 'u1', code: 'kz-border-khorgos', name: { en: 'Khorgos' }, path: 'kz.kz-border.x' });
    }
    http.verify();
  });

  it('asks for the URL’s filters, order and page, and the counts for the same filters without the page', async () => {
    const request = await open('/staff?unitId=u1&status=expired&sort=-gaps&page=2&area=NOPE');
    expect(request.request.params.keys().sort()).toEqual(['page', 'pageSize', 'sort', 'status', 'unitId']);
    expect(request.request.params.get('sort')).toBe('-gaps');
    const summary = http.expectOne((r) => r.url === '/api/v1/compliance/summary');
    expect(summary.request.params.keys().sort()).toEqual(['status', 'unitId']);
    summary.flush(SUMMARY);
    const trend = http.expectOne((r) => r.url === '/api/v1/compliance/trend');
    expect(trend.request.params.get('unitId')).toBe('u1');
    trend.flush([]);
    request.flush(matrix());
    await settle();
  });

  it('shows each cell as text with its date, a dash for what the position does not require, and people linking to their page', async () => {
    await answerAll(await open('/staff'));
    const rows = page.querySelectorAll('[data-testid="compliance-row"]');
    expect(rows).toHaveLength(2);
    const first = rows[0];
    expect(first.querySelector('th[scope="row"] a')?.getAttribute('href')).toBe('/staff/people/p1');
    expect(visibleText(first)).toContain('kz.officer1');
    const cells = first.querySelectorAll('td ba-qualification-status');
    expect(visibleText(cells[0])).toMatch(/^Expiring Apr 10, 2026$/);
    expect(cells[0].querySelector('[data-status]')?.getAttribute('data-status')).toBe('expiring');
    expect(visibleText(cells[1])).toBe('Missing');
    const second = rows[1].querySelectorAll('td');
    expect(visibleText(second[second.length - 1].querySelector('.visually-hidden'))).toBe('Not required');
    expect(visibleText(page.querySelector('[data-testid="compliance-matrix"] thead'))).toContain(
      'Referral of migrants Migration',
    );
  });

  it('shows the totals, the counts per unit and area and the trend with its table', async () => {
    await answerAll(await open('/staff'));
    const totals = Array.from(page.querySelectorAll('[data-testid="compliance-totals"] li')).map(visibleText);
    expect(totals).toEqual([
      '2 People',
      '1 Compliant (50%)',
      '1 Valid',
      '1 Expiring',
      '0 Expired',
      '1 Missing',
    ]);
    const cells = (selector: string) =>
      Array.from(page.querySelectorAll(`[data-testid="${selector}"] tbody tr > *`)).map(visibleText);
    expect(cells('counts-by-unit')).toEqual(['Khorgos', '2', '1', '1', '1', '0', '1']);
    expect(cells('counts-by-area')).toEqual(['Integrated Border Management', '1', '1', '0', '0']);
    expect(page.querySelector('[data-testid="trend-chart"] path.line')?.getAttribute('d')).toMatch(
      /^M40 100 L580 10$/,
    );
    const toggle = page.querySelector<HTMLButtonElement>('[data-testid="trend-table-toggle"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await settle();
    harness.detectChanges();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(Array.from(page.querySelectorAll('ba-trend-chart table tbody tr > *')).map(visibleText)).toEqual([
      'Mar 1, 2026',
      '50% (1 of 2)',
      'Mar 2, 2026',
      '100% (2 of 2)',
    ]);
  });

  it('says when no one matches the filters', async () => {
    const request = await open('/staff?q=nobody');
    request.flush({ ...matrix(), items: [], total: 0, totals: { ...matrix().totals, people: 0 } });
    http.expectOne((r) => r.url === '/api/v1/compliance/summary').flush({ byUnit: [], byArea: [] });
    http.expectOne((r) => r.url === '/api/v1/compliance/trend').flush([]);
    await settle();
    harness.detectChanges();
    expect(visibleText(page.querySelector('[data-testid="compliance-empty"]'))).toBe(
      'No one matches these filters.',
    );
  });

  it('exports the filtered matrix in every page and its order, shows progress meanwhile and saves the file', async () => {
    await answerAll(await open('/staff?unitId=u1&sort=unit&page=2'));
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    page.querySelector<HTMLButtonElement>('[data-testid="export-xlsx"]')?.click();
    await settle();
    harness.detectChanges();
    expect(page.querySelector('[data-testid="export-progress"]')).not.toBeNull();
    expect(page.querySelector<HTMLButtonElement>('[data-testid="export-csv"]')?.disabled).toBe(true);
    const exported = http.expectOne((r) => r.url === '/api/v1/compliance/export');
    expect(exported.request.params.keys().sort()).toEqual(['format', 'language', 'sort', 'unitId']);
    expect(exported.request.params.get('format')).toBe('xlsx');
    expect(exported.request.responseType).toBe('blob');
    exported.flush(new Blob(['x']));
    await settle();
    harness.detectChanges();

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^compliance-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(page.querySelector('[data-testid="export-progress"]')).toBeNull();
    click.mockRestore();
  });

  it('puts a status filter into the URL and starts again from the first page', async () => {
    await answerAll(await open('/staff?page=3'));
    const form = page.querySelector('form[role="search"]');
    expect(form).not.toBeNull();
    const status = page.querySelector<HTMLElement>('mat-select[data-testid="compliance-status"]');
    status?.click();
    await settle();
    harness.detectChanges();
    const expired = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (option) => visibleText(option) === 'Expired',
    );
    expired?.click();
    await settle(400);
    expect(TestBed.inject(Router).url).toBe('/staff?status=expired');
    http.expectOne((r) => r.url === '/api/v1/compliance/matrix').flush(matrix());
    http.expectOne((r) => r.url === '/api/v1/compliance/summary').flush(SUMMARY);
    await settle();
  });
});
