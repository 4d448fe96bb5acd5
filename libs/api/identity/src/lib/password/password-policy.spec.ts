import { DEMO_PASSWORD } from '@border-academy/api-db';
import { ValidationProblemException } from '@border-academy/api-platform';

import { assertPasswordAcceptable, passwordProblems } from './password-policy';
import { hashPassword, verifyPassword } from './password-hasher';

describe('password policy', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblems(DEMO_PASSWORD)).toEqual([]);
    expect(passwordProblems('river lamp crossing nine')).toEqual([]);
  });

  it('refuses passwords shorter than 12 characters', () => {
    expect(passwordProblems('Short-1!')).toEqual(['must be at least 12 characters long']);
  });

  it('counts characters, not bytes, so a Cyrillic passphrase is measured as typed', () => {
    expect(passwordProblems('граница-пост')).toEqual([]);
  });

  it('refuses a common password whatever its case and trailing digits or symbols', () => {
    for (const common of ['qwertyuiop123', 'Password2026!', 'BORDERACADEMY123', 'пароль12345!!!!']) {
      expect(passwordProblems(common)).toContain(
        'is one of the most common passwords; choose one that is harder to guess',
      );
    }
  });

  it('refuses a password that contains the login or e-mail name', () => {
    expect(passwordProblems('aigerim.sadykova-2026', ['aigerim.sadykova', 'a.s@example.org'])).toEqual([
      'must not contain your login, e-mail or name',
    ]);
  });

  it('reports every reason as a field error of a validation problem', () => {
    let thrown: unknown;
    try {
      assertPasswordAcceptable('newPassword', 'qwerty');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationProblemException);
    expect((thrown as ValidationProblemException).fieldErrors.map((error) => error.field)).toEqual([
      'newPassword',
      'newPassword',
    ]);
  });
});

describe('password hashing', () => {
  it('stores argon2id hashes that verify only the right password', async () => {
    const stored = await hashPassword('river lamp crossing nine');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'river lamp crossing nine')).toBe(true);
    expect(await verifyPassword(stored, 'river lamp crossing ten')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
