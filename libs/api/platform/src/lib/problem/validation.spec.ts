import { IsString } from 'class-validator';

import {
  MAX_INPUT_DEPTH,
  ValidationProblemException,
  createValidationPipe,
  structuralFlaw,
} from './validation';

class SignInLike {
  @IsString()
  login!: string;
}

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value };
  return value;
}

describe('input validation', () => {
  const pipe = createValidationPipe();
  const body = { type: 'body', metatype: SignInLike } as const;

  it('refuses nesting far deeper than any request with a 400, where transforming it would overflow the stack', async () => {
    for (const asArray of [true, false]) {
      const refusal = pipe.transform(nested(5_000, asArray), body);
      await expect(refusal).rejects.toBeInstanceOf(ValidationProblemException);
      await expect(refusal).rejects.toMatchObject({
        fieldErrors: [expect.objectContaining({ code: 'maxDepth' })],
      });
    }
  });

  it('lets ordinary nesting through to the class validation', () => {
    expect(structuralFlaw(nested(MAX_INPUT_DEPTH - 1, false))).toBeNull();
    expect(structuralFlaw({ outline: [{ lessons: [{ id: 'x' }] }] })).toBeNull();
  });

  it('refuses the keys that class-transformer would drop unseen, at any depth', async () => {
    await expect(pipe.transform({ login: 'a', constructor: 'x' }, body)).rejects.toMatchObject({
      fieldErrors: [{ field: 'constructor', code: 'whitelistValidation', message: expect.any(String) }],
    });
    expect(structuralFlaw({ items: [{ prototype: {} }] })).toMatchObject({ field: 'items.0.prototype' });
  });

  it('refuses a JSON null body instead of reading it as an empty object', async () => {
    await expect(pipe.transform(null, body)).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'isObject' })],
    });
  });

  it('refuses text with half a surrogate pair, on which the e-mail check would throw', async () => {
    await expect(pipe.transform({ login: 'a\ud800' }, body)).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ field: 'login', code: 'isWellFormed' })],
    });
    expect(structuralFlaw({ login: 'emoji 👩‍👩‍👧 and Кириллица' })).toBeNull();
  });
});
