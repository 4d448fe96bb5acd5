import { SlidingWindowThrottlerStorage } from './sliding-window-throttler-storage';

describe('SlidingWindowThrottlerStorage', () => {
  const minute = 60_000;
  let storage: SlidingWindowThrottlerStorage;

  beforeEach(() => {
    storage = new SlidingWindowThrottlerStorage();
  });

  afterEach(() => storage.close());

  it('lets the limit through in a window, refuses the next, and counts each address apart', () => {
    const start = 10 * minute;
    const answers = Array.from({ length: 6 }, (_, index) => storage.hit('a', minute, 5, start + index));
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, false, false, false, true]);
    expect(answers.map((answer) => answer.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(answers[5]?.timeToBlockExpire).toBeGreaterThan(0);
    expect(storage.hit('b', minute, 5, start + 10).isBlocked).toBe(false);
  });

  it('slides: the window before weighs by how much of it the period still covers', () => {
    const start = 10 * minute;
    for (let index = 0; index < 10; index++) storage.hit('a', minute, 10, start + index);
    // a quarter into the next window, three quarters of the ten still count: 7.5, so three more pass
    const quarter = start + minute + minute / 4;
    const answers = Array.from({ length: 4 }, (_, index) => storage.hit('a', minute, 10, quarter + index));
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, false, true]);
    // two windows later nothing of it is left
    expect(storage.hit('a', minute, 10, start + 3 * minute).totalHits).toBe(1);
  });

  it('does not count refused requests, so hammering does not extend the refusal', () => {
    const start = 10 * minute;
    for (let index = 0; index < 1000; index++) storage.hit('a', minute, 3, start + index);
    expect(storage.hit('a', minute, 3, start + 2 * minute).isBlocked).toBe(false);
  });

  it('forgets addresses not seen for two periods', () => {
    storage.hit('a', minute, 5, 10 * minute);
    storage.hit('b', minute, 5, 11 * minute);
    storage.sweep(12 * minute + 1);
    expect(storage.size).toBe(1);
  });
});
