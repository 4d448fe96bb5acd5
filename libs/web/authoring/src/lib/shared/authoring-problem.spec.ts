import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { COURSE_PACKAGE_INVALID, COURSE_VERSION_INCOMPLETE } from '@border-academy/shared-contracts';
import { ApiError } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { authoringFailure } from './authoring-problem';

describe('authoringFailure', () => {
  let transloco: TranslocoService;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    transloco = TestBed.inject(TranslocoService);
  });

  it('says why a version cannot be submitted and lists everything it still needs', () => {
    const failure = new ApiError(
      422,
      {
        type: COURSE_VERSION_INCOMPLETE,
        title: 'Incomplete',
        status: 422,
        missing: ['module 2 title in en', 'quiz 1 has no questions'],
      } as never,
      'Incomplete',
    );
    expect(authoringFailure(failure, transloco)).toEqual({
      message: 'This version is not ready for learners yet; it still needs:',
      details: ['module 2 title in en', 'quiz 1 has no questions'],
    });
  });

  it('lists every reason a package was refused', () => {
    const failure = new ApiError(
      422,
      {
        type: COURSE_PACKAGE_INVALID,
        title: 'Invalid',
        status: 422,
        packageErrors: ['manifest.json: schemaVersion 7 is not supported'],
      } as never,
      'Invalid',
    );
    expect(authoringFailure(failure, transloco).details).toEqual([
      'manifest.json: schemaVersion 7 is not supported',
    ]);
  });
});
