import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { OrgUnit } from '@border-academy/shared-contracts';
import { NOTIFY_ON_ERROR } from './error-notification';
import { OrgUnitClient } from './org-unit-client';

const UNIT: OrgUnit = {
  id: 'u1',
  code: 'kz-border-altynkol',
  kind: 'border_post',
  name: { en: 'Altynkol' },
  status: 'active',
  parentId: 'p1',
  path: 'kz.kz-border.kz-border-altynkol',
  depth: 2,
  childCount: 0,
};

describe('OrgUnitClient', () => {
  let client: OrgUnitClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(OrgUnitClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists units with only the parameters that are set', async () => {
    const page = firstValueFrom(
      client.list({ parentId: 'p1', administered: true, includeInactive: true, q: '', pageSize: 100 }),
    );
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/org-units');
    expect(request.request.urlWithParams).toBe(
      '/api/v1/org-units?parentId=p1&administered=true&includeInactive=true&pageSize=100',
    );
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ items: [UNIT], total: 1, page: 1, pageSize: 100 });
    expect((await page).items).toEqual([UNIT]);
  });

  it.each([
    [
      'create',
      () =>
        TestBed.inject(OrgUnitClient).create({ parentId: 'p1', code: 'x', kind: 'unit', name: { en: 'X' } }),
      'POST',
      '/api/v1/org-units',
    ],
    [
      'update',
      () => TestBed.inject(OrgUnitClient).update('u/1', { name: { en: 'Y' } }),
      'PATCH',
      '/api/v1/org-units/u%2F1',
    ],
    [
      'move',
      () => TestBed.inject(OrgUnitClient).move('u1', { parentId: 'p2' }),
      'POST',
      '/api/v1/org-units/u1/move',
    ],
    [
      'deactivate',
      () => TestBed.inject(OrgUnitClient).deactivate('u1'),
      'POST',
      '/api/v1/org-units/u1/deactivate',
    ],
    [
      'reactivate',
      () => TestBed.inject(OrgUnitClient).reactivate('u1'),
      'POST',
      '/api/v1/org-units/u1/reactivate',
    ],
  ])('sends %s as %s %s, leaving errors to the page', async (_name, send, method, url) => {
    const answer = firstValueFrom(send());
    const request = http.expectOne(url);
    expect(request.request.method).toBe(method);
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush(UNIT);
    expect(await answer).toEqual(UNIT);
  });
});
