import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HealthResponse } from '@border-academy/shared-contracts';
import { NOTIFY_ON_ERROR } from './error-notification';
import { HealthClient } from './health-client';

describe('HealthClient', () => {
  it('asks GET /api/health and leaves failures to the page that shows the status', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const health: HealthResponse = {
      status: 'ok',
      version: '0.1.0',
      uptimeSeconds: 12,
      database: { status: 'up', latencyMs: 3 },
    };

    const result = firstValueFrom(TestBed.inject(HealthClient).check());
    const request = TestBed.inject(HttpTestingController).expectOne('/api/health');
    expect(request.request.method).toBe('GET');
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush(health);

    expect(await result).toEqual(health);
  });
});
