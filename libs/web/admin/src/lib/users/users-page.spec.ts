import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserSummary } from '@border-academy/shared-contracts';

import {
  SEARCH_WAIT_MS,
  aUser,
  pageOf,
  settle,
  setUpAdminTestBed,
  visibleText,
} from '../../testing/admin-pages';
import { UsersPage } from './users-page';

// the first render of a Material table with its paginator is slow while the whole suite shares two cores
jest.setTimeout(30_000);

describe('UsersPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  const render = () => harness.detectChanges();
  const url = () => TestBed.inject(Router).url;

  async function open(path: string): Promise<TestRequest> {
    harness = await RouterTestingHarness.create(path);
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    render();
    return http.expectOne((request) => request.url === '/api/v1/users');
  }

  async function answer(request: TestRequest, users: UserSummary[], total = users.length): Promise<void> {
    request.flush(pageOf(users, 1, 20, total));
    await settle();
    render();
  }

  beforeEach(async () => {
    http = await setUpAdminTestBed([{ path: 'admin/users', component: UsersPage }]);
  });

  afterEach(() => http.verify());

  it('asks the server for the filters, order and page of the URL, and lists what it answers', async () => {
    const request = await open('/admin/users?role=hr&status=suspended&sort=-login&page=2&pageSize=50&x=1');
    expect(request.request.params.keys().sort()).toEqual(['page', 'pageSize', 'role', 'sort', 'status']);
    expect(request.request.params.get('role')).toBe('hr');
    expect(request.request.params.get('sort')).toBe('-login');
    expect(request.request.params.get('page')).toBe('2');
    await answer(request, [aUser({ lockedUntil: '2999-01-01T00:00:00Z' })]);

    const row = page.querySelector('[data-testid="users-table"] tbody tr');
    expect(visibleText(row)).toContain('Aliya Nurlanova');
    expect(visibleText(row)).toContain('Khorgos');
    expect(visibleText(row)).toContain('Learner, Trainer');
    expect(visibleText(row)).toContain('Sign-in locked');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(
      '/admin/users/11111111-1111-4111-8111-111111111111',
    );
    expect(page.querySelector<HTMLElement>('mat-select[data-testid="users-role"]')?.textContent).toContain(
      'HR',
    );
  });

  it('puts a search into the URL, starting again from the first page', async () => {
    await answer(await open('/admin/users?page=3'), []);
    const search = page.querySelector<HTMLInputElement>('[data-testid="users-search"]');
    if (!search) throw new Error('no search field');
    search.value = 'nurlan';
    search.dispatchEvent(new Event('input'));
    await settle(SEARCH_WAIT_MS + 100);
    expect(url()).toBe('/admin/users?q=nurlan');
    const next = http.expectOne((request) => request.url === '/api/v1/users');
    expect(next.request.params.get('q')).toBe('nurlan');
    await answer(next, []);
    expect(visibleText(page.querySelector('.empty'))).toBe('No users match these filters.');
  });

  it('sorts by a column header through the URL', async () => {
    await answer(await open('/admin/users'), [aUser()]);
    const loginHeader = Array.from(page.querySelectorAll<HTMLElement>('th')).find(
      (header) => visibleText(header) === 'Login',
    );
    loginHeader?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await settle();
    expect(url()).toBe('/admin/users?sort=login');
    await answer(
      http.expectOne((request) => request.url === '/api/v1/users'),
      [aUser()],
    );
  });

  it('says when there is nobody yet, and when loading failed, with a way to retry', async () => {
    await answer(await open('/admin/users'), []);
    expect(visibleText(page.querySelector('.empty'))).toBe(
      'There are no users in the units you administer yet.',
    );

    await harness.navigateByUrl('/admin/users?status=active');
    await settle();
    http
      .expectOne((request) => request.url === '/api/v1/users')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    render();
    expect(visibleText(page.querySelector('[role="alert"]'))).toContain('The users could not be loaded.');
    page.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await settle();
    await answer(
      http.expectOne((request) => request.url === '/api/v1/users'),
      [aUser()],
    );
    expect(page.querySelector('[data-testid="users-table"]')).not.toBeNull();
  });
});
