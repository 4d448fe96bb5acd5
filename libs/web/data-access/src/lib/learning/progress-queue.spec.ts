import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import {
  CurrentUser,
  EnrolmentProgress,
  ProgressEventInput,
  RecordProgressEventsResponse,
} from '@border-academy/shared-contracts';
import { ApiError } from '../api-error';
import { AuthSession } from '../session/auth-session';
import { MemoryProgressEventStore, PROGRESS_EVENT_STORE } from './progress-event-store';
import { ProgressClient } from './progress-client';
import { FIRST_RETRY_MS, ProgressQueue } from './progress-queue';

const officer = { id: 'u1' } as CurrentUser;

function progressOf(enrolmentId: string, percent: number): EnrolmentProgress {
  return {
    enrolmentId,
    status: 'in_progress',
    progressPercent: percent,
    continueLessonId: null,
    lastLessonId: null,
    completedAt: null,
    lessons: [],
    certificate: null,
  };
}

function answer(events: ProgressEventInput[], percent = 50): RecordProgressEventsResponse {
  return {
    results: events.map((event) => ({ id: event.id, outcome: 'recorded' })),
    enrolments: [progressOf('e1', percent)],
    issuedCertificates: [],
  };
}

const unreachable = () => new ApiError(0, null, 'offline');

describe('ProgressQueue', () => {
  let store: MemoryProgressEventStore;
  let record: jest.Mock;
  let user: ReturnType<typeof signal<CurrentUser | null>>;

  function queue(): ProgressQueue {
    return TestBed.inject(ProgressQueue);
  }

  beforeEach(() => {
    store = new MemoryProgressEventStore();
    record = jest.fn((events: ProgressEventInput[]) => of(answer(events)));
    user = signal<CurrentUser | null>(officer);
    TestBed.configureTestingModule({
      providers: [
        { provide: PROGRESS_EVENT_STORE, useValue: store },
        { provide: ProgressClient, useValue: { record } },
        { provide: AuthSession, useValue: { user } },
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('gives each event its own id, keeps it on the device first, sends it and then forgets it', async () => {
    const add = jest.spyOn(store, 'add');
    queue();
    TestBed.tick();
    await queue().record('e1', 'l1', 'opened');
    await queue().record('e1', 'l1', 'opened');
    await queue().drain();

    const sent = record.mock.calls.flatMap(([events]) => events as ProgressEventInput[]);
    expect(sent).toHaveLength(2);
    expect(sent[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0].id).not.toBe(sent[1].id);
    expect(sent[0]).not.toHaveProperty('userId');
    expect(add).toHaveBeenCalledTimes(2);
    expect(await store.list('u1')).toEqual([]);
    expect(queue().pendingCount()).toBe(0);
    expect(queue().state()).toBe('synced');
    expect(queue().progress().get('e1')?.progressPercent).toBe(50);
  });

  it('keeps events while the network is gone, says how many wait, and sends them when it returns', async () => {
    jest.useFakeTimers();
    record.mockReturnValue(throwError(unreachable));
    await store.add({
      id: 'before',
      userId: 'u1',
      enrolmentId: 'e1',
      lessonId: 'l1',
      kind: 'opened',
      occurredAt: new Date().toISOString(),
    });
    queue();
    TestBed.tick();
    await queue().drain();
    expect(record).toHaveBeenCalledTimes(1);
    expect(queue().state()).toBe('waiting');

    // tried again after a wait that grows with each failure
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    expect(record).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    expect(record).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    expect(record).toHaveBeenCalledTimes(3);

    window.dispatchEvent(new Event('offline'));
    await queue().record('e1', 'l2', 'done');
    await queue().drain();
    expect(queue().online()).toBe(false);
    expect(queue().state()).toBe('waiting');
    expect(queue().pendingCount()).toBe(2);
    expect(await store.list('u1')).toHaveLength(2);

    // back online: sent at once, without waiting for the next retry
    record.mockImplementation((events: ProgressEventInput[]) => of(answer(events, 40)));
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(0);
    await queue().drain();
    expect(queue().pendingCount()).toBe(0);
    expect(queue().state()).toBe('synced');
    expect(queue().progress().get('e1')?.progressPercent).toBe(40);
    expect(await store.list('u1')).toEqual([]);
  });

  it('drops events the server refuses for good, so they do not hold up the others', async () => {
    record.mockReturnValueOnce(throwError(() => new ApiError(404, null, 'not found')));
    queue();
    TestBed.tick();
    await queue().record('gone', 'l1', 'opened');
    await queue().drain();
    expect(queue().pendingCount()).toBe(0);
    expect(await store.list('u1')).toEqual([]);
  });

  it('sends a long queue in batches the server accepts', async () => {
    for (let index = 0; index < 150; index++) {
      await store.add({
        id: `id-${String(index).padStart(3, '0')}`,
        userId: 'u1',
        enrolmentId: 'e1',
        lessonId: 'l1',
        kind: 'opened',
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
      });
    }
    queue();
    TestBed.tick();
    await queue().drain();
    expect(record.mock.calls.map(([events]) => (events as unknown[]).length)).toEqual([100, 50]);
  });

  it('sends only the signed-in person’s events on a shared device', async () => {
    await store.add({
      id: 'other',
      userId: 'u2',
      enrolmentId: 'e2',
      lessonId: 'l1',
      kind: 'opened',
      occurredAt: new Date().toISOString(),
    });
    queue();
    TestBed.tick();
    await queue().record('e1', 'l1', 'opened');
    await queue().drain();
    const sent = record.mock.calls.flatMap(([events]) => events as ProgressEventInput[]);
    expect(sent.map((event) => event.enrolmentId)).toEqual(['e1']);
    expect(await store.list('u2')).toHaveLength(1);
  });

  it('shows an attempt on its way as sending, and a new event waits for its turn', async () => {
    const reply = new Subject<RecordProgressEventsResponse>();
    record.mockReturnValueOnce(reply);
    queue();
    TestBed.tick();
    const first = queue().record('e1', 'l1', 'opened');
    await first;
    expect(queue().state()).toBe('sending');
    reply.next(answer([]));
    reply.complete();
    await queue().drain();
    expect(queue().state()).toBe('synced');
  });
});
