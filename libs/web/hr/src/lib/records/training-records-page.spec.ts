import { HttpEventType } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { settle, setUpHrTestBed, visibleText } from '../../testing/hr-test-bed';
import { TrainingRecordsPage } from './training-records-page';

// the first render of a page with Material fields is slow while the suite shares two cores
jest.setTimeout(30_000);

describe('TrainingRecordsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  async function open(): Promise<void> {
    harness = await RouterTestingHarness.create('/staff/records');
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    harness.detectChanges();
  }

  function type(testId: string, value: string): void {
    const input = page.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(`no ${testId}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function render(): Promise<void> {
    await settle();
    harness.detectChanges();
  }

  beforeEach(async () => {
    http = await setUpHrTestBed([{ path: 'staff/records', component: TrainingRecordsPage }]);
  });

  afterEach(() => http.verify());

  it('asks for the chosen completion days in the reader’s language, shows what has arrived and saves the file', async () => {
    await open();
    const createObjectURL = jest.fn(() => 'blob:records');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    type('records-from', '2026-01-01');
    type('records-to', '2026-03-31');

    page.querySelector<HTMLButtonElement>('[data-testid="records-export"]')?.click();
    await render();
    const exported = http.expectOne((r) => r.url === '/api/v1/compliance/training-records/export');
    expect(exported.request.params.keys().sort()).toEqual(['completedFrom', 'completedTo', 'language']);
    expect(exported.request.params.get('completedTo')).toBe('2026-03-31');
    expect(exported.request.params.get('language')).toBe('en');
    expect(exported.request.responseType).toBe('blob');
    expect(page.querySelector('[data-testid="records-progress"]')).not.toBeNull();
    expect(page.querySelector<HTMLButtonElement>('[data-testid="records-export"]')?.disabled).toBe(true);

    exported.event({ type: HttpEventType.DownloadProgress, loaded: 2_500_000 });
    await render();
    expect(visibleText(page.querySelector('[data-testid="records-received"]'))).toBe(
      'Receiving the file: 2.5 MB so far',
    );

    exported.flush(new Blob(['\ufeffPerson,Login\n']));
    await render();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toMatch(
      /^training-records-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect(page.querySelector('[data-testid="records-progress"]')).toBeNull();
    expect(visibleText(page.querySelector('[role="status"]'))).toMatch(/^The file is saved: .+ kB\.$/);
    click.mockRestore();
  });

  it('says so when the completion range ends before it starts, and asks for nothing', async () => {
    await open();
    type('records-from', '2026-03-01');
    type('records-to', '2026-02-01');
    page.querySelector<HTMLButtonElement>('[data-testid="records-export"]')?.click();
    await render();
    http.expectNone((r) => r.url === '/api/v1/compliance/training-records/export');
    expect(visibleText(page.querySelector('[role="alert"]'))).toBe(
      'The end of the completion range comes before its start.',
    );
  });
});
