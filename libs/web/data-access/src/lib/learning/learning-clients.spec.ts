import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideI18n } from '@border-academy/web-i18n';
import { NOTIFY_ON_ERROR } from '../error-notification';
import { problemInterceptor } from '../problem-interceptor';
import { CertificateClient, certificateFileName } from './certificate-client';
import { EnrolmentClient } from './enrolment-client';
import { ProgressClient } from './progress-client';
import { QuizAttemptClient } from './quiz-attempt-client';

describe('learning clients', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the learner’s course page and enrols with an empty body, leaving errors to the page', async () => {
    const enrolments = TestBed.inject(EnrolmentClient);
    const course = firstValueFrom(enrolments.course('c/1'));
    const read = http.expectOne({ method: 'GET', url: '/api/v1/catalogue/courses/c%2F1' });
    expect(read.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    read.flush({ id: 'c/1', canEnrol: true });
    expect((await course).canEnrol).toBe(true);

    const enrolled = firstValueFrom(enrolments.enrol('c/1'));
    const enrol = http.expectOne({ method: 'POST', url: '/api/v1/catalogue/courses/c%2F1/enrolments' });
    expect(enrol.request.body).toEqual({});
    enrol.flush({ id: 'e1' });
    expect((await enrolled).id).toBe('e1');
  });

  it('withdraws, and reads my learning and further pages of one section', async () => {
    const enrolments = TestBed.inject(EnrolmentClient);
    const withdrawn = firstValueFrom(enrolments.withdraw('e1'));
    http
      .expectOne({ method: 'POST', url: '/api/v1/enrolments/e1/withdrawal' })
      .flush({ status: 'withdrawn' });
    expect((await withdrawn).status).toBe('withdrawn');

    enrolments.myLearning(5).subscribe();
    http.expectOne('/api/v1/me/learning?pageSize=5').flush({});
    enrolments.myLearning().subscribe();
    http.expectOne('/api/v1/me/learning').flush({});
    enrolments.myEnrolments({ section: 'completed', page: 2 }).subscribe();
    http.expectOne('/api/v1/me/enrolments?section=completed&page=2').flush({ items: [] });
  });

  it('shows the last copy of a lesson when the network is gone, but not when the server refuses', async () => {
    const enrolments = TestBed.inject(EnrolmentClient);
    const url = '/api/v1/enrolments/e1/lessons/l2';
    enrolments.prefetchLesson('e1', 'l2');
    http.expectOne(url).flush({ id: 'l2', title: { en: 'Referral' } });

    const offline = firstValueFrom(enrolments.lesson('e1', 'l2'));
    http.expectOne(url).error(new ProgressEvent('error'), { status: 0 });
    expect((await offline).id).toBe('l2');

    const refused = firstValueFrom(enrolments.lesson('e1', 'l2'));
    http
      .expectOne(url)
      .flush(
        { type: 'about:blank', title: 'Not found', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await expect(refused).rejects.toMatchObject({ status: 404 });

    const never = firstValueFrom(enrolments.enrolment('e9'));
    http.expectOne('/api/v1/enrolments/e9').error(new ProgressEvent('error'), { status: 0 });
    await expect(never).rejects.toMatchObject({ status: 0 });
  });

  it('starts an attempt at a quiz, reads it and submits the answers', async () => {
    const attempts = TestBed.inject(QuizAttemptClient);
    const started = firstValueFrom(attempts.start('e1', 'q1'));
    const start = http.expectOne({ method: 'POST', url: '/api/v1/enrolments/e1/quiz-attempts' });
    expect(start.request.body).toEqual({ quizId: 'q1' });
    start.flush({ id: 'a1' });
    expect((await started).id).toBe('a1');

    attempts.get('a1').subscribe();
    http.expectOne({ method: 'GET', url: '/api/v1/quiz-attempts/a1' }).flush({ id: 'a1' });

    const answers = [{ questionId: 'x', value: true }];
    const submitted = firstValueFrom(attempts.submit('a1', answers));
    const submit = http.expectOne({ method: 'POST', url: '/api/v1/quiz-attempts/a1/submission' });
    expect(submit.request.body).toEqual({ answers });
    submit.flush({ attempt: { passed: true }, attemptsLeft: 1 });
    expect((await submitted).attemptsLeft).toBe(1);
  });

  it('posts progress events as one batch', () => {
    const events = [
      {
        id: 'u1',
        enrolmentId: 'e1',
        lessonId: 'l1',
        kind: 'opened' as const,
        occurredAt: '2026-01-01T00:00:00Z',
      },
    ];
    TestBed.inject(ProgressClient).record(events).subscribe();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/progress-events' });
    expect(request.request.body).toEqual({ events });
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ results: [], enrolments: [], issuedCertificates: [] });
  });

  it('fetches a certificate’s PDF as a file and verifies a code without signing in', async () => {
    const certificates = TestBed.inject(CertificateClient);
    const pdf = firstValueFrom(certificates.pdf({ id: 'cert-1' }));
    const download = http.expectOne('/api/v1/certificates/cert-1/pdf');
    expect(download.request.responseType).toBe('blob');
    download.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    expect((await pdf).type).toBe('application/pdf');
    expect(certificateFileName({ code: 'K7Q2' })).toBe('certificate-K7Q2.pdf');

    const verified = firstValueFrom(certificates.verify('K7Q2'));
    http.expectOne('/api/v1/certificates/verification/K7Q2').flush({ status: 'valid' });
    expect((await verified).status).toBe('valid');
  });
});
