import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ORG_UNIT_HAS_ACTIVE_USERS, OrgUnit, Page } from '@border-academy/shared-contracts';

import {
  configureAdminTestBed,
  expectQuery,
  overlay,
  render as renderFixture,
  textOf,
  typeInto,
} from '../../testing/admin-test-bed';
import { OrgPage } from './org-page';

// the first render of Material's tree and dialogs is slow while the whole suite shares two cores
jest.setTimeout(30_000);

function aUnit(code: string, overrides: Partial<OrgUnit> = {}): OrgUnit {
  return {
    id: `id-${code}`,
    code,
    kind: 'unit',
    name: { en: code },
    status: 'active',
    parentId: null,
    path: code,
    depth: 0,
    childCount: 0,
    ...overrides,
  };
}

const BORDER = aUnit('kz-border', {
  kind: 'agency',
  name: { en: 'Border Service', ru: 'Пограничная служба' },
  parentId: 'id-kz',
  path: 'kz.kz-border',
  depth: 1,
  childCount: 2,
});
const ALMATY = aUnit('kz-border-almaty', {
  kind: 'region',
  name: { en: 'Almaty Region' },
  parentId: BORDER.id,
  path: 'kz.kz-border.kz-border-almaty',
  depth: 2,
});
const MOBILE = aUnit('kz-border-mobile', {
  name: { en: 'Mobile group' },
  parentId: BORDER.id,
  path: 'kz.kz-border.kz-border-mobile',
  depth: 2,
});

function pageOf(items: OrgUnit[]): Page<OrgUnit> {
  return { items, total: items.length, page: 1, pageSize: 100 };
}

describe('OrgPage', () => {
  let fixture: ComponentFixture<OrgPage>;
  let page: HTMLElement;
  let http: HttpTestingController;

  const text = (selector: string, root: ParentNode = page) => textOf(root, selector);
  const node = (code: string) =>
    page.querySelector<HTMLElement>(`[data-testid="org-node"][data-code="${code}"]`);
  const button = (label: string, root: ParentNode = page) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    );

  const render = () => renderFixture(fixture);

  const expectList = (params: Record<string, string>) => expectQuery(http, '/api/v1/org-units', params);

  async function openBorderWithChildren(): Promise<void> {
    node('kz-border')?.click();
    await render();
    // Right opens the chosen unit, as in any tree
    node('kz-border')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await render();
    expectList({ parentId: BORDER.id }).flush(pageOf([ALMATY, MOBILE]));
    await render();
  }

  beforeEach(async () => {
    http = await configureAdminTestBed();
    fixture = TestBed.createComponent(OrgPage);
    page = fixture.nativeElement as HTMLElement;
    await render();
  });

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('starts from the units the admin administers and opens a level when asked', async () => {
    const roots = expectList({ administeredRoots: 'true', includeInactive: 'false' });
    roots.flush(pageOf([BORDER]));
    await render();
    expect(page.querySelector('[role="tree"]')).not.toBeNull();
    expect(node('kz-border')?.getAttribute('aria-expanded')).toBe('false');
    expect(text('.node-name', node('kz-border') ?? page)).toBe('Border Service');

    await openBorderWithChildren();
    expect(node('kz-border')?.getAttribute('aria-expanded')).toBe('true');
    expect(node('kz-border-almaty')?.getAttribute('aria-level')).toBe('2');
    expect(text('#org-details-heading')).toBe('Border Service');
    expect(text('[data-testid="path-value"]')).toBe('kz.kz-border');
  });

  it('says when the admin administers nothing, and when the tree cannot be loaded', async () => {
    expectList({ administeredRoots: 'true' }).flush(pageOf([]));
    await render();
    expect(text('[data-testid="org-empty"]')).toContain('You administer no units');

    (page.querySelector('[data-testid="show-inactive"] button') as HTMLButtonElement).click();
    await render();
    expectList({ administeredRoots: 'true', includeInactive: 'true' }).flush(null, {
      status: 503,
      statusText: 'Unavailable',
    });
    await render();
    expect(text('[role="alert"]')).toContain('The org structure could not be loaded.');
  });

  it('shows the server’s refusal to deactivate a unit people still work in, with their number', async () => {
    expectList({ administeredRoots: 'true' }).flush(pageOf([BORDER]));
    await render();
    node('kz-border')?.click();
    await render();
    button('Deactivate')?.click();
    await render();
    expect(text('h2', overlay())).toBe('Deactivate Border Service?');
    (overlay().querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await render();

    http.expectOne(`/api/v1/org-units/${BORDER.id}/deactivate`).flush(
      {
        type: ORG_UNIT_HAS_ACTIVE_USERS,
        title: 'Conflict',
        status: 409,
        detail: '4 active people belong to this unit or a unit below it; move them to another unit first',
        activeUserCount: 4,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(text('[data-testid="notice-error"]')).toBe(
      'Active people in this unit and the units below it: 4. Move them to other units first, then deactivate it.',
    );
    expect(text('[data-testid="status-value"]')).toBe('Active');
  });

  it('adds a unit below the chosen one and shows it there', async () => {
    expectList({ administeredRoots: 'true' }).flush(pageOf([BORDER]));
    await render();
    await openBorderWithChildren();
    button('Add a unit below')?.click();
    await render();
    const dialog = overlay();
    expect(text('h2', dialog)).toBe('New unit below Border Service');
    typeInto(dialog, 'code', 'kz-border-altynkol');
    typeInto(dialog, 'name-en', 'Altynkol');
    typeInto(dialog, 'name-ru', 'Алтынколь');
    (dialog.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await render();

    const created = {
      ...aUnit('kz-border-altynkol'),
      name: { en: 'Altynkol', ru: 'Алтынколь' },
      parentId: BORDER.id,
    };
    const post = http.expectOne(
      (request) => request.method === 'POST' && request.url === '/api/v1/org-units',
    );
    expect(post.request.body).toEqual({
      parentId: BORDER.id,
      code: 'kz-border-altynkol',
      kind: 'unit',
      name: { en: 'Altynkol', ru: 'Алтынколь' },
    });
    post.flush(created);
    await render();
    expectList({ parentId: BORDER.id }).flush(pageOf([ALMATY, created, MOBILE]));
    await render();
    expect(node('kz-border-altynkol')).not.toBeNull();
    expect(text('[data-testid="notice-done"]')).toBe('Altynkol has been added.');
  });

  it('keeps the dialog open with the server’s objection beside the field', async () => {
    expectList({ administeredRoots: 'true' }).flush(pageOf([BORDER]));
    await render();
    node('kz-border')?.click();
    await render();
    button('Rename')?.click();
    await render();
    const dialog = overlay();
    expect(dialog.querySelector('[data-testid="code"]')).toBeNull();
    expect(dialog.querySelector<HTMLInputElement>('[data-testid="name-ru"]')?.value).toBe(
      'Пограничная служба',
    );
    typeInto(dialog, 'name-ru', 'Погранслужба');
    (dialog.querySelector('[data-testid="save"]') as HTMLButtonElement).click();
    await render();
    const patch = http.expectOne(`/api/v1/org-units/${BORDER.id}`);
    expect(patch.request.body).toEqual({
      name: { en: 'Border Service', ru: 'Погранслужба' },
      kind: 'agency',
    });
    patch.flush(
      {
        type: 'urn:border-academy:problem:validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'name.ru', code: 'maxLength', message: 'name.ru must be shorter' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(text('mat-error', dialog)).toBe('name.ru must be shorter');
    expect(dialog.querySelector('[data-testid="save"]')).not.toBeNull();
  });
});
