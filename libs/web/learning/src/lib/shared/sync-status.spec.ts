import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ProgressQueue, SyncState } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { SyncStatus } from './sync-status';

describe('SyncStatus', () => {
  const state = signal<SyncState>('idle');
  const pendingCount = signal(0);
  const online = signal(true);

  async function shown(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SyncStatus);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('[role="status"]') as HTMLElement;
  }

  beforeEach(() => {
    state.set('idle');
    pendingCount.set(0);
    online.set(true);
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        {
          provide: ProgressQueue,
          useValue: { state: computed(() => state()), pendingCount, online },
        },
      ],
    });
  });

  it('says nothing while nothing has happened and the network is there', async () => {
    expect((await shown()).textContent?.trim()).toBe('');
  });

  it('says how many updates wait on the device while offline', async () => {
    state.set('waiting');
    pendingCount.set(3);
    online.set(false);
    const status = await shown();
    expect(status.textContent?.trim()).toBe('Offline — 3 updates waiting');
    expect(status.dataset['state']).toBe('waiting');

    pendingCount.set(1);
    TestBed.tick();
    expect(status.textContent?.trim()).toBe('Offline — 1 update waiting');
  });

  it('says "Synced" once everything reached the server', async () => {
    state.set('synced');
    const status = await shown();
    expect(status.textContent?.trim()).toBe('Synced');
    expect(status.dataset['state']).toBe('synced');
  });

  it('tells an offline learner that their progress is kept even with nothing waiting', async () => {
    online.set(false);
    expect((await shown()).textContent?.trim()).toBe('Offline — your progress is kept on this device');
  });
});
