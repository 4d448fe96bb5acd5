import { ValidationProblemException, createValidationPipe } from '@border-academy/api-platform';

import { SaveQuizRequestDto } from './quiz.dto';

const QUIZ = {
  title: { en: 'Quiz' },
  instructions: null,
  passMarkPercent: 50,
  attemptLimit: null,
  timeLimitMinutes: null,
  allowReview: true,
};

describe('a quiz as it is saved', () => {
  const pipe = createValidationPipe();
  const validate = (selection: unknown) =>
    pipe.transform({ ...QUIZ, selection }, { type: 'body', metatype: SaveQuizRequestDto });

  it('takes a fixed or a random selection', async () => {
    await expect(validate({ mode: 'random', draws: [{ tag: 'risk', count: 2 }] })).resolves.toBeDefined();
    await expect(validate({ mode: 'fixed', questionIds: [] })).resolves.toBeDefined();
  });

  it('refuses a selection that is no object, which would otherwise reach the service empty', async () => {
    await expect(validate([])).rejects.toBeInstanceOf(ValidationProblemException);
  });

  it("refuses the other mode's field instead of ignoring whatever it holds", async () => {
    await expect(validate({ mode: 'random', draws: [], questionIds: ['not a uuid'] })).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'selection.mode', code: 'selectionOfItsMode' })],
    });
    await expect(validate({ mode: 'fixed', questionIds: [], draws: [] })).rejects.toBeInstanceOf(
      ValidationProblemException,
    );
  });
});
