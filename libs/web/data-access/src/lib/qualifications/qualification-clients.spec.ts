import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { provideI18n } from '@border-academy/web-i18n';
import { NOTIFY_ON_ERROR } from '../error-notification';
import { problemInterceptor } from '../problem-interceptor';
import { AssignmentClient } from './assignment-client';
import { ComplianceClient, complianceExportFileName } from './compliance-client';
import { NotificationClient } from './notification-client';
import { QualificationClient } from './qualification-client';
import { StaffClient } from './staff-client';

describe('qualification clients', () => {
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

  it('asks for the matrix with only the filters set, leaving errors to the page', () => {
    TestBed.inject(ComplianceClient)
      .matrix({ unitId: 'u1', q: undefined, sort: '-gaps', page: 2 })
      .subscribe();
    const request = http.expectOne('/api/v1/compliance/matrix?unitId=u1&sort=-gaps&page=2');
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({});
  });

  it('exports every page of the filtered matrix in its order, as a file', async () => {
    const file = firstValueFrom(
      TestBed.inject(ComplianceClient).export('xlsx', {
        unitId: 'u1',
        status: 'expired',
        sort: 'unit',
        page: 3,
        pageSize: 50,
        language: 'ru',
      }),
    );
    const request = http.expectOne(
      '/api/v1/compliance/export?unitId=u1&status=expired&sort=unit&language=ru&format=xlsx',
    );
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['rows']));
    expect(await file).toBeInstanceOf(Blob);
    expect(complianceExportFileName('pdf', new Date('2026-03-01T12:00:00Z'))).toBe(
      'compliance-2026-03-01.pdf',
    );
  });

  it('uploads evidence as the file itself with its type and name, then grants and revokes on the person', () => {
    const staff = TestBed.inject(StaffClient);
    const file = new File(['%PDF'], 'protocol.pdf', { type: 'application/pdf' });
    staff.uploadEvidence(file).subscribe();
    const upload = http.expectOne('/api/v1/evidence?fileName=protocol.pdf');
    expect(upload.request.body).toBe(file);
    expect(upload.request.headers.get('Content-Type')).toBe('application/pdf');
    expect(upload.request.reportProgress).toBe(true);
    upload.flush({ id: 'ev1' });

    staff.grant('p/1', 'q1', { source: 'manual', note: 'n' }).subscribe();
    http.expectOne({ method: 'POST', url: '/api/v1/staff/p%2F1/qualifications/q1/grants' }).flush({});
    staff.revoke('p1', 'q1', { reason: 'r' }).subscribe();
    http.expectOne({ method: 'POST', url: '/api/v1/staff/p1/qualifications/q1/revocation' }).flush({});
    staff.evidence({ id: 'ev1' }).subscribe();
    expect(http.expectOne('/api/v1/evidence/ev1').request.responseType).toBe('blob');
  });

  it('replaces a position’s requirements as a whole and patches a qualification', () => {
    const qualifications = TestBed.inject(QualificationClient);
    qualifications.setRequirements('pos1', { qualificationIds: ['q1', 'q2'] }).subscribe();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/positions/pos1/qualifications' });
    expect(put.request.body).toEqual({ qualificationIds: ['q1', 'q2'] });
    put.flush({});
    qualifications.update('q1', { warningDays: 30 }).subscribe();
    http.expectOne({ method: 'PATCH', url: '/api/v1/qualifications/q1' }).flush({});
  });

  it('ends an assignment rule and reads and marks notifications', () => {
    TestBed.inject(AssignmentClient).end('a1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/v1/assignments/a1' }).flush(null);
    const notifications = TestBed.inject(NotificationClient);
    notifications.page({ pageSize: 10 }).subscribe();
    http.expectOne('/api/v1/me/notifications?pageSize=10').flush({});
    notifications.markRead('n1').subscribe();
    http.expectOne({ method: 'POST', url: '/api/v1/me/notifications/n1/read' }).flush(null);
    notifications.markAllRead().subscribe();
    http.expectOne({ method: 'POST', url: '/api/v1/me/notifications/read-all' }).flush(null);
  });
});
