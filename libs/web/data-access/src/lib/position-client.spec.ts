import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { NOTIFY_ON_ERROR } from './error-notification';
import { PositionClient } from './position-client';

describe('PositionClient', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }),
  );

  it('lists a page of positions with only the parameters that are set, leaving errors to the page', async () => {
    const page = firstValueFrom(
      TestBed.inject(PositionClient).list({ page: 2, pageSize: 10, q: '', language: 'ru' }),
    );
    const request = TestBed.inject(HttpTestingController).expectOne(
      (candidate) => candidate.url === '/api/v1/positions',
    );
    expect(request.request.method).toBe('GET');
    expect(request.request.urlWithParams).toBe('/api/v1/positions?page=2&pageSize=10&language=ru');
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ items: [], total: 0, page: 2, pageSize: 10 });
    expect((await page).page).toBe(2);
  });

  it('reads one position by its id', async () => {
    const position = firstValueFrom(TestBed.inject(PositionClient).get('a/b'));
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/positions/a%2Fb');
    request.flush({ id: 'a/b', code: 'customs-inspector', name: { en: 'Customs inspector' } });
    expect((await position).code).toBe('customs-inspector');
  });

  it('adds, changes and deletes positions, leaving errors to the dialog', async () => {
    const client = TestBed.inject(PositionClient);
    const http = TestBed.inject(HttpTestingController);
    const created = firstValueFrom(client.create({ code: 'risk-analyst', name: { en: 'Risk analyst' } }));
    const post = http.expectOne('/api/v1/positions');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ code: 'risk-analyst', name: { en: 'Risk analyst' } });
    expect(post.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    post.flush({
      id: 'p1',
      code: 'risk-analyst',
      name: { en: 'Risk analyst' },
      description: null,
      holderCount: 0,
    });
    expect((await created).id).toBe('p1');

    const changed = firstValueFrom(client.update('p1', { name: { en: 'Analyst', ru: 'Аналитик' } }));
    const patch = http.expectOne('/api/v1/positions/p1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ name: { en: 'Analyst', ru: 'Аналитик' } });
    patch.flush({
      id: 'p1',
      code: 'risk-analyst',
      name: { en: 'Analyst' },
      description: null,
      holderCount: 0,
    });
    await changed;

    const deleted = firstValueFrom(client.delete('p1'), { defaultValue: undefined });
    const remove = http.expectOne('/api/v1/positions/p1');
    expect(remove.request.method).toBe('DELETE');
    expect(remove.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await deleted;
    http.verify();
  });
});
