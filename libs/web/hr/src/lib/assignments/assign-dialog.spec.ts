import { assignmentRequest } from './assign-dialog';

describe('the assignment request', () => {
  const values = {
    courseId: 'c1',
    userIds: ['p1', 'p2'],
    orgUnitId: 'u1',
    positionId: 'pos1',
    dueAt: '2026-04-01',
    lateJoinerDays: 14 as number | null,
  };

  it('names the people of a person assignment and nothing of a rule', () => {
    expect(assignmentRequest({ ...values, target: 'person' })).toEqual({
      courseId: 'c1',
      target: 'person',
      dueAt: '2026-04-01',
      userIds: ['p1', 'p2'],
    });
  });

  it('gives a unit rule its unit and late-joiner days, 30 when left empty', () => {
    expect(assignmentRequest({ ...values, target: 'unit' })).toEqual({
      courseId: 'c1',
      target: 'unit',
      dueAt: '2026-04-01',
      orgUnitId: 'u1',
      lateJoinerDays: 14,
    });
    expect(assignmentRequest({ ...values, target: 'unit', lateJoinerDays: null }).lateJoinerDays).toBe(30);
  });

  it('gives a position rule both its position and the unit whose subtree it covers', () => {
    expect(assignmentRequest({ ...values, target: 'position' })).toEqual({
      courseId: 'c1',
      target: 'position',
      dueAt: '2026-04-01',
      orgUnitId: 'u1',
      positionId: 'pos1',
      lateJoinerDays: 14,
    });
  });
});
