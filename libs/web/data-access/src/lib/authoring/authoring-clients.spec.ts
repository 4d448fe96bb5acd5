import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { NOTIFY_ON_ERROR } from '../error-notification';
import { CatalogueClient } from './catalogue-client';
import { CourseClient } from './course-client';
import { CourseVersionClient } from './course-version-client';
import { QuestionBankClient } from './question-bank-client';

describe('authoring clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists courses with only the filters that are set, leaving errors to the page', async () => {
    const page = firstValueFrom(
      TestBed.inject(CourseClient).list({
        q: '',
        area: 'IBM',
        mine: true,
        incompleteLanguage: 'ru',
        page: 2,
      }),
    );
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/courses');
    expect(request.request.urlWithParams).toBe(
      '/api/v1/courses?area=IBM&mine=true&incompleteLanguage=ru&page=2',
    );
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ items: [], total: 0, page: 2, pageSize: 20 });
    expect((await page).page).toBe(2);
  });

  it('searches a course’s author candidates on the course, not in the users’ administration', async () => {
    const page = firstValueFrom(
      TestBed.inject(CourseClient).authorCandidates('c/1', { q: 'rev', pageSize: 20 }),
    );
    const request = http.expectOne(
      (candidate) => candidate.url === '/api/v1/courses/c%2F1/author-candidates',
    );
    expect(request.request.urlWithParams).toBe('/api/v1/courses/c%2F1/author-candidates?q=rev&pageSize=20');
    request.flush({
      items: [{ id: 'u1', fullName: 'A Reviewer', login: 'a.reviewer' }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    expect((await page).items[0]?.login).toBe('a.reviewer');
  });

  it('archives, restores and starts a new draft of a course by its routes', async () => {
    const courses = TestBed.inject(CourseClient);
    for (const [call, url] of [
      [() => courses.setArchived('c/1', true), '/api/v1/courses/c%2F1/archive'],
      [() => courses.setArchived('c/1', false), '/api/v1/courses/c%2F1/restore'],
      [() => courses.startDraft('c/1'), '/api/v1/courses/c%2F1/drafts'],
    ] as const) {
      const answer = firstValueFrom(call());
      const request = http.expectOne(url);
      expect(request.request.method).toBe('POST');
      request.flush({ id: 'c/1' });
      expect((await answer).id).toBe('c/1');
    }
  });

  it('moves a version through review: submit, publish, and return with the comment', async () => {
    const versions = TestBed.inject(CourseVersionClient);
    const submitted = firstValueFrom(versions.submit('v1'));
    http
      .expectOne({ method: 'POST', url: '/api/v1/course-versions/v1/submit' })
      .flush({ status: 'in_review' });
    expect((await submitted).status).toBe('in_review');

    const returned = firstValueFrom(versions.return('v1', 'Add the Russian title'));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/course-versions/v1/return' });
    expect(request.request.body).toEqual({ comment: 'Add the Russian title' });
    request.flush({ status: 'draft' });
    await returned;

    const published = firstValueFrom(versions.publish('v1'));
    http
      .expectOne({ method: 'POST', url: '/api/v1/course-versions/v1/publish' })
      .flush({ status: 'published' });
    expect((await published).status).toBe('published');
  });

  it('saves the whole outline order at once', async () => {
    const order = {
      modules: [
        { id: 'm2', lessonIds: ['l3', 'l1'] },
        { id: 'm1', lessonIds: [] },
      ],
    };
    const saved = firstValueFrom(TestBed.inject(CourseVersionClient).reorder('v1', order));
    const request = http.expectOne({ method: 'PUT', url: '/api/v1/course-versions/v1/outline' });
    expect(request.request.body).toEqual(order);
    request.flush({ id: 'v1' });
    await saved;
  });

  it('uploads an attachment as its own type with its name, reporting the progress', async () => {
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'map.png', { type: 'image/png' });
    const events = firstValueFrom(
      TestBed.inject(CourseVersionClient).uploadAttachment('c1', file).pipe(toArray()),
    );
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/courses/c1/attachments');
    expect(request.request.params.get('fileName')).toBe('map.png');
    expect(request.request.headers.get('Content-Type')).toBe('image/png');
    expect(request.request.reportProgress).toBe(true);
    expect(request.request.body).toBe(file);
    request.event({ type: HttpEventType.UploadProgress, loaded: 2, total: 4 });
    request.flush({ id: 'a1', url: '/api/v1/attachments/a1/content?sig=x' });
    const types = (await events).map((event) => event.type);
    expect(types).toContain(HttpEventType.UploadProgress);
    expect(types).toContain(HttpEventType.Response);
  });

  it('imports a package into the chosen unit as a ZIP body', () => {
    const zip = new Blob(['PK'], { type: 'application/zip' });
    TestBed.inject(CourseVersionClient).importPackage('unit-1', zip).subscribe();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/course-imports');
    expect(request.request.params.get('ownerOrgUnitId')).toBe('unit-1');
    expect(request.request.headers.get('Content-Type')).toBe('application/zip');
    request.flush({ id: 'c9' });
  });

  it('renders Markdown for the preview', async () => {
    const html = firstValueFrom(TestBed.inject(CourseVersionClient).renderMarkdown('# Title'));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/markdown/render' });
    expect(request.request.body).toEqual({ markdown: '# Title' });
    request.flush({ html: '<h1>Title</h1>' });
    expect((await html).html).toBe('<h1>Title</h1>');
  });

  it('reads and writes the question bank and quizzes of a version', async () => {
    const bank = TestBed.inject(QuestionBankClient);
    bank.questions('v1', { tag: 'risk', kind: 'true-false', q: '' }).subscribe();
    const list = http.expectOne((candidate) => candidate.url === '/api/v1/course-versions/v1/questions');
    expect(list.request.urlWithParams).toBe('/api/v1/course-versions/v1/questions?tag=risk&kind=true-false');
    list.flush({ items: [], total: 0, page: 1, pageSize: 20 });

    const question = {
      kind: 'true-false' as const,
      stem: { en: 'Risk analysis guides checks' },
      options: [],
      correctBoolean: true,
      shortAnswer: null,
      feedbackCorrect: null,
      feedbackIncorrect: null,
      points: 1,
      tags: ['risk'],
    };
    bank.saveQuestion('q1', question).subscribe();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/questions/q1' });
    expect(put.request.body).toEqual(question);
    put.flush({ id: 'q1' });

    const quiz = {
      title: { en: 'Check' },
      instructions: null,
      passMarkPercent: 70,
      attemptLimit: 3,
      timeLimitMinutes: null,
      allowReview: true,
      selection: { mode: 'random' as const, draws: [{ tag: 'risk', count: 2 }] },
    };
    const created = firstValueFrom(bank.createQuiz('v1', quiz));
    const post = http.expectOne({ method: 'POST', url: '/api/v1/course-versions/v1/quizzes' });
    expect(post.request.body).toEqual(quiz);
    post.flush({ id: 'z1', questionCount: 2 });
    expect((await created).questionCount).toBe(2);
  });

  it('reads the catalogue with the learner’s filters', () => {
    TestBed.inject(CatalogueClient).courses({ area: 'TRADE', level: 'basic', q: 'window' }).subscribe();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/catalogue/courses');
    expect(request.request.urlWithParams).toBe('/api/v1/catalogue/courses?area=TRADE&level=basic&q=window');
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
