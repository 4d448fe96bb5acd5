import { qualificationRequest } from './qualification-dialog';

describe('the qualification request', () => {
  const values = {
    code: ' ibm-border-checks-2 ',
    name: { en: 'Border checks', ru: 'Пограничный контроль' },
    descriptionEn: '  Checks at the crossing point ',
    descriptionRu: '',
    area: 'IBM' as const,
    level: 4,
    requiredCount: 2 as number | null,
    courseIds: ['c1', 'c2', 'c3'],
    validityMonths: 24 as number | null,
    warningDays: 60 as number | null,
  };

  it('sends the courses for a course rule, and a count only when N of them are enough', () => {
    expect(qualificationRequest({ ...values, rule: 'all-courses' })).toEqual({
      code: 'ibm-border-checks-2',
      name: { en: 'Border checks', ru: 'Пограничный контроль' },
      description: { en: 'Checks at the crossing point' },
      area: 'IBM',
      level: 4,
      rule: 'all-courses',
      requiredCount: null,
      courseIds: ['c1', 'c2', 'c3'],
      validityMonths: 24,
      warningDays: 60,
    });
    expect(qualificationRequest({ ...values, rule: 'n-of-courses' }).requiredCount).toBe(2);
  });

  it('sends no courses for an assessment, no description when there is none, and no expiry when left empty', () => {
    const request = qualificationRequest({
      ...values,
      rule: 'assessment',
      descriptionEn: ' ',
      validityMonths: null,
    });
    expect(request.courseIds).toEqual([]);
    expect(request.description).toBeNull();
    expect(request.validityMonths).toBeNull();
  });
});
