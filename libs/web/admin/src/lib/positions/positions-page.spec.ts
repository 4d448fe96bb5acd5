import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OrgUnit, POSITION_HELD, Page, Position } from '@border-academy/shared-contracts';

import {
  configureAdminTestBed,
  expectQuery,
  overlay,
  render as renderFixture,
  textOf,
  typeInto,
} from '../../testing/admin-test-bed';
import { PositionsPage } from './positions-page';

// the first render of Material's table, paginator and dialogs is slow while the whole suite shares two cores
jest.setTimeout(30_000);

const INSPECTOR: Position = {
  id: 'p1',
  code: 'customs-inspector',
  name: { en: 'Customs inspector', ru: 'Таможенный инспектор' },
  description: null,
  holderCount: 3,
};
const GUARD: Position = {
  id: 'p2',
  code: 'first-line-border-guard',
  name: { en: 'First-line border guard' },
  description: null,
  holderCount: 0,
};
const KAZAKHSTAN = { id: 'kz', code: 'kz', parentId: null } as OrgUnit;
const BORDER_SERVICE = { id: 'kz-border', code: 'kz-border', parentId: 'kz' } as OrgUnit;

function pageOf<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, pageSize: 20 };
}

describe('PositionsPage', () => {
  let fixture: ComponentFixture<PositionsPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const text = (selector: string, root: ParentNode = page) => textOf(root, selector);
  const rows = () =>
    Array.from(page.querySelectorAll('[data-testid="positions-table"] tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
    );

  const render = () => renderFixture(fixture);

  const expectPositions = (params: Record<string, string> = {}) =>
    expectQuery(http, '/api/v1/positions', params);

  async function open(administered: OrgUnit[], positions: Position[]): Promise<void> {
    expectQuery(http, '/api/v1/org-units', { administeredRoots: 'true' }).flush(pageOf(administered));
    expectPositions({ page: '1', pageSize: '20', language: 'en' }).flush(pageOf(positions));
    await render();
  }

  beforeEach(async () => {
    http = await configureAdminTestBed();
    fixture = TestBed.createComponent(PositionsPage);
    page = fixture.nativeElement as HTMLElement;
    await render();
  });

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('lists the catalogue read-only for an admin of an agency', async () => {
    await open([BORDER_SERVICE], [INSPECTOR, GUARD]);
    expect(rows()).toEqual([
      ['customs-inspector', 'Customs inspector', 'Таможенный инспектор', '3'],
      ['first-line-border-guard', 'First-line border guard', '', '0'],
    ]);
    expect(page.querySelector('[data-testid="add-position"]')).toBeNull();
    expect(text('.intro')).toContain('Only an administrator of a whole country can change it.');
  });

  it('searches on the server after the user stops typing, from the first page', async () => {
    await open([BORDER_SERVICE], [INSPECTOR, GUARD]);
    typeInto(page, 'position-search', ' guard ');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await render();
    expectPositions({ q: 'guard', page: '1' }).flush(pageOf([]));
    await render();
    expect(text('[data-testid="positions-empty"]')).toBe('No position matches your search.');
  });

  it('says when the catalogue cannot be loaded, and loads it again on request', async () => {
    http.expectOne((request) => request.url === '/api/v1/org-units').flush(pageOf([KAZAKHSTAN]));
    expectPositions().flush(null, { status: 500, statusText: 'Server Error' });
    await render();
    expect(text('[data-testid="positions-load-error"] p')).toBe('The positions could not be loaded.');
    Array.from(page.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Try again')
      ?.click();
    await render();
    expectPositions().flush(pageOf([GUARD]));
    await render();
    expect(rows()).toHaveLength(1);
  });

  it('lets an admin of a whole country add a position through the dialog', async () => {
    await open([KAZAKHSTAN], [INSPECTOR]);
    (page.querySelector('[data-testid="add-position"]') as HTMLButtonElement).click();
    await render();
    const dialog = overlay();
    expect(text('h2', dialog)).toBe('New position');
    typeInto(dialog, 'code', 'Risk Analyst');
    typeInto(dialog, 'name-en', 'Risk analyst');
    (dialog.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await render();
    expect(text('mat-error', dialog)).toBe(
      'Use lower-case Latin letters and digits, words joined by dashes.',
    );

    typeInto(dialog, 'code', 'risk-analyst');
    (dialog.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await render();
    const post = http.expectOne((request) => request.method === 'POST');
    expect(post.request.body).toEqual({ code: 'risk-analyst', name: { en: 'Risk analyst' } });
    post.flush({
      id: 'p3',
      code: 'risk-analyst',
      name: { en: 'Risk analyst' },
      description: null,
      holderCount: 0,
    });
    await render();
    expectPositions().flush(pageOf([INSPECTOR, { ...GUARD, id: 'p3', code: 'risk-analyst' }]));
    await render();
    expect(text('[data-testid="notice-done"]')).toBe('Risk analyst has been added.');
  });

  it('refuses to delete a held position with the number of people holding it', async () => {
    await open([KAZAKHSTAN], [INSPECTOR]);
    page.querySelector<HTMLButtonElement>('[aria-label="Delete Customs inspector"]')?.click();
    await render();
    expect(text('h2', overlay())).toBe('Delete Customs inspector?');
    (overlay().querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await render();
    http.expectOne('/api/v1/positions/p1').flush(
      {
        type: POSITION_HELD,
        title: 'Conflict',
        status: 409,
        detail: '3 people hold this position',
        holderCount: 3,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(text('[data-testid="notice-error"]')).toBe(
      'People holding this position: 3. Give them another position first, then delete it.',
    );
  });
});
