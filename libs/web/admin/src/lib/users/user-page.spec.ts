import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { UserDetails } from '@border-academy/shared-contracts';

import {
  aUserWithGrants,
  anOrgUnit,
  pickUnit,
  settle,
  setUpAdminTestBed,
  visibleText,
} from '../../testing/admin-pages';
import { UserPage } from './user-page';

// the first render of the page's Material form fields is slow while the whole suite shares two cores
jest.setTimeout(30_000);

@Component({ template: '<p>Audit</p>' })
class AuditStub {}

const USER = aUserWithGrants();
const USER_URL = `/api/v1/users/${USER.id}`;

describe('UserPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  // the page of the current route: a new one after navigating from `new` to the created user
  let page: HTMLElement;

  const render = () => {
    harness.detectChanges();
    page = harness.routeNativeElement as HTMLElement;
  };

  async function open(path: string): Promise<void> {
    harness = await RouterTestingHarness.create(path);
    await settle();
    render();
  }

  /** The pickers name the units the form holds; the server answers with the unit. */
  async function nameUnits(): Promise<void> {
    await settle();
    for (const request of http.match((candidate) => candidate.url.startsWith('/api/v1/org-units/'))) {
      request.flush(anOrgUnit());
    }
    await settle();
    render();
  }

  async function openUser(user: UserDetails = USER): Promise<void> {
    await open(`/admin/users/${user.id}`);
    http.expectOne(`/api/v1/users/${user.id}`).flush(user);
    await settle();
    render();
    await nameUnits();
  }

  function field(label: string): HTMLInputElement {
    const formField = Array.from(page.querySelectorAll('mat-form-field')).find((candidate) =>
      visibleText(candidate.querySelector('mat-label')).startsWith(label),
    );
    const input = formField?.querySelector('input');
    if (!input) throw new Error(`no field labelled ${label}`);
    return input;
  }

  function type(label: string, value: string): void {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function click(selector: string): Promise<void> {
    const button = page.querySelector<HTMLElement>(selector);
    if (!button) throw new Error(`nothing matches ${selector}`);
    button.click();
    await settle();
    render();
  }

  function errorsOf(label: string): string {
    return visibleText(field(label).closest('mat-form-field')?.querySelector('mat-error'));
  }

  beforeEach(async () => {
    http = await setUpAdminTestBed([
      { path: 'admin/users/new', component: UserPage },
      { path: 'admin/users/:id', component: UserPage },
      { path: 'admin/audit', component: AuditStub },
    ]);
  });

  afterEach(() => http.verify());

  describe('a new user', () => {
    async function fillIn(): Promise<void> {
      await open('/admin/users/new');
      type('Login', 'kz.a.nurlanova');
      type('Email', 'a.nurlanova@example.kz');
      type('Full name in Latin letters', 'Aliya Nurlanova');
      await pickUnit(http, field('Unit'), [anOrgUnit()], render);
      await click('[data-testid="add-initial-role"]');
      await nameUnits();
    }

    it('checks the required fields here before sending anything', async () => {
      await open('/admin/users/new');
      await click('[data-testid="save-user"]');
      expect(errorsOf('Login')).toBe('Enter a login.');
      expect(errorsOf('Email')).toBe('Enter an email address.');
      expect(errorsOf('Unit')).toBe('Required.');
      expect(visibleText(page.querySelector('[role="alert"]'))).toBe('Check the highlighted fields.');
      http.expectNone(USER_URL);
    });

    it('creates the user with a first role on their unit, then shows them', async () => {
      await fillIn();
      await click('[data-testid="save-user"]');
      const create = http.expectOne({ method: 'POST', url: '/api/v1/users' });
      expect(create.request.body).toEqual({
        login: 'kz.a.nurlanova',
        email: 'a.nurlanova@example.kz',
        fullName: 'Aliya Nurlanova',
        fullNameCyrillic: null,
        language: 'en',
        orgUnitId: anOrgUnit().id,
        positionId: null,
        grants: [{ role: 'learner', orgUnitId: anOrgUnit().id }],
      });
      create.flush(USER, { status: 201, statusText: 'Created' });
      await settle();
      expect(TestBed.inject(Router).url).toBe(`/admin/users/${USER.id}`);
      http.expectOne(USER_URL).flush(USER);
      await settle();
      render();
      await nameUnits();
      expect(visibleText(page.querySelector('[data-testid="user-created"]'))).toContain(
        'The user has been created',
      );
    });

    it('shows a taken login and a unit outside the scope next to their fields', async () => {
      await fillIn();
      await click('[data-testid="save-user"]');
      http
        .expectOne({ method: 'POST', url: '/api/v1/users' })
        .flush(
          { type: 'urn:border-academy:problem:login-taken', title: 'Conflict', status: 409 },
          { status: 409, statusText: 'Conflict' },
        );
      await settle();
      render();
      expect(errorsOf('Login')).toBe('Another user already has this login.');

      type('Login', 'kz.a.nurlanova.2');
      await click('[data-testid="save-user"]');
      http.expectOne({ method: 'POST', url: '/api/v1/users' }).flush(
        {
          type: 'urn:border-academy:problem:validation',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'grants.0.orgUnitId', code: 'scope', message: 'must be a unit you administer' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      render();
      expect(errorsOf('On unit')).toBe('Choose a unit you administer.');
    });
  });

  describe('an existing user', () => {
    it('sends only what changed, and keeps the login fixed', async () => {
      await openUser();
      expect(field('Login').disabled).toBe(true);
      type('Email', 'aliya@example.kz');
      await click('[data-testid="save-user"]');
      const update = http.expectOne({ method: 'PATCH', url: USER_URL });
      expect(update.request.body).toEqual({ email: 'aliya@example.kz' });
      update.flush({ ...USER, email: 'aliya@example.kz' });
      await settle();
      render();
      expect(visibleText(page.querySelector('[data-testid="user-form"] [role="status"]'))).toBe(
        'Changes saved.',
      );
    });

    it('grants a role on a unit and revokes one', async () => {
      await openUser();
      const grantForm = page.querySelector('[data-testid="grant-form"]') as HTMLElement;
      const unit = anOrgUnit({ id: '66666666-6666-4666-8666-666666666666', name: { en: 'Kolzhat' } });
      await pickUnit(http, grantForm.querySelector('input') as HTMLInputElement, [unit], render);
      await click('[data-testid="grant-form"] button[type="submit"]');
      const grant = http.expectOne({ method: 'POST', url: `${USER_URL}/grants` });
      expect(grant.request.body).toEqual({ role: 'learner', orgUnitId: unit.id });
      grant.flush({
        ...USER,
        grants: [...USER.grants, { id: 'g2', role: 'learner', orgUnitId: unit.id, orgUnitName: unit.name }],
      });
      await settle();
      render();
      expect(visibleText(page.querySelector('[data-testid="user-grants"]'))).toContain('Learner — Kolzhat');

      await click('[aria-label="Revoke Learner — Khorgos"]');
      http.expectOne({ method: 'DELETE', url: `${USER_URL}/grants/${USER.grants[0]?.id}` }).flush(null);
      await settle();
      render();
      expect(visibleText(page.querySelector('[data-testid="user-grants"]'))).not.toContain('Khorgos');
    });

    it('unlocks a locked user and suspends them', async () => {
      await openUser({ ...USER, lockedUntil: '2999-01-01T10:00:00Z' });
      expect(visibleText(page.querySelector('[data-testid="user-locked"]'))).toContain('Sign-in is locked');
      const unlock = Array.from(page.querySelectorAll('button')).find(
        (b) => visibleText(b) === 'Unlock sign-in',
      );
      unlock?.click();
      await settle();
      http.expectOne({ method: 'POST', url: `${USER_URL}/unlock` }).flush(null);
      await settle();
      render();
      expect(page.querySelector('[data-testid="user-locked"]')).toBeNull();

      const suspend = Array.from(page.querySelectorAll('button')).find((b) => visibleText(b) === 'Suspend');
      suspend?.click();
      await settle();
      const update = http.expectOne({ method: 'PATCH', url: USER_URL });
      expect(update.request.body).toEqual({ status: 'suspended' });
      update.flush({ ...USER, status: 'suspended' });
      await settle();
      render();
      expect(visibleText(page.querySelector('[data-testid="user-status"]'))).toBe('Suspended');
    });

    it('shows an issued reset link once, with a button that copies it', async () => {
      const writeText = jest.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      await openUser();
      await click('[data-testid="issue-reset-link"]');
      const url = 'http://localhost/reset-password/abc';
      http
        .expectOne({ method: 'POST', url: `${USER_URL}/reset-links` })
        .flush({ url, expiresAt: '2026-12-01T10:00:00Z' }, { status: 201, statusText: 'Created' });
      await settle();
      render();
      expect(page.querySelector<HTMLInputElement>('[data-testid="reset-link-url"]')?.value).toBe(url);
      const copy = Array.from(page.querySelectorAll('button')).find((b) => visibleText(b) === 'Copy link');
      copy?.click();
      await settle();
      render();
      expect(writeText).toHaveBeenCalledWith(url);
      expect(visibleText(page.querySelector('ba-user-access [role="status"]'))).toContain('Link copied.');
    });

    it('says so when the user is not among the people one administers', async () => {
      await open(`/admin/users/${USER.id}`);
      http
        .expectOne(USER_URL)
        .flush(
          { type: 'urn:border-academy:problem:user-not-found', title: 'Not Found', status: 404 },
          { status: 404, statusText: 'Not Found' },
        );
      await settle();
      render();
      expect(visibleText(page.querySelector('[role="alert"]'))).toBe(
        'There is no such user among the people you administer.',
      );
    });
  });
  describe('personal data', () => {
    function overlayElement(): HTMLElement {
      return document.querySelector('.cdk-overlay-container') as HTMLElement;
    }

    function typeInDialog(testId: string, value: string): void {
      const input = overlayElement().querySelector<HTMLInputElement | HTMLTextAreaElement>(
        `[data-testid="${testId}"]`,
      );
      if (!input) throw new Error(`no input ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }

    async function submitDialog(): Promise<void> {
      overlayElement().querySelector<HTMLElement>('[data-testid="save"]')?.click();
      await settle();
      render();
    }

    it('downloads the export as JSON and as PDF, named after the person', async () => {
      const saved: string[] = [];
      URL.createObjectURL = jest.fn(() => 'blob:personal-data');
      URL.revokeObjectURL = jest.fn();
      const anchorClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push(this.download);
      });
      await openUser();
      for (const format of ['json', 'pdf']) {
        await click(`[data-testid="export-${format}"]`);
        http
          .expectOne(
            (request) =>
              request.url === `${USER_URL}/personal-data` && request.params.get('format') === format,
          )
          .flush(new Blob(['%']));
        await settle();
        render();
      }
      expect(saved).toEqual([`personal-data-${USER.id}.json`, `personal-data-${USER.id}.pdf`]);
      expect(visibleText(page.querySelector('ba-user-privacy [role="status"]'))).toContain(
        'The file has been downloaded.',
      );
      anchorClick.mockRestore();
    });

    it('erases only once the login is typed exactly and a reason given, then shows the person erased', async () => {
      await openUser();
      await click('[data-testid="erase"]');
      expect(visibleText(overlayElement().querySelector('h2'))).toBe(
        `Erase the personal data of ${USER.fullName}?`,
      );
      typeInDialog('erase-confirm-login', 'someone.else');
      await submitDialog();
      expect(visibleText(overlayElement().querySelector('mat-error'))).toBe(
        'Type the person’s login exactly.',
      );
      http.expectNone(`${USER_URL}/erasure`);

      typeInDialog('erase-confirm-login', USER.login.toUpperCase());
      typeInDialog('erase-reason', 'Request no. 42 of 2026-11-29');
      await submitDialog();
      const erase = http.expectOne({ method: 'POST', url: `${USER_URL}/erasure` });
      expect(erase.request.body).toEqual({
        confirmLogin: USER.login.toUpperCase(),
        reason: 'Request no. 42 of 2026-11-29',
      });
      erase.flush({
        userId: USER.id,
        erasedAt: '2026-11-29T12:00:00.000Z',
        changed: { 'identity.profile': 1 },
      });
      await settle();
      http.expectOne(USER_URL).flush({
        ...USER,
        fullName: 'Erased person',
        status: 'suspended',
        grants: [],
        erasedAt: '2026-11-29T12:00:00.000Z',
      });
      await settle();
      render();
      expect(visibleText(page.querySelector('[data-testid="user-erased"]'))).toContain(
        'The personal data of this person was erased on',
      );
      expect(page.querySelector('ba-user-form')).toBeNull();
      expect(page.querySelector('ba-user-access')).toBeNull();
      expect(page.querySelector('[data-testid="erase"]')).toBeNull();
      expect(page.querySelector('[data-testid="export-json"]')).not.toBeNull();
    });

    it('says why the server refused an erasure, in the dialog', async () => {
      await openUser();
      await click('[data-testid="erase"]');
      typeInDialog('erase-confirm-login', USER.login);
      typeInDialog('erase-reason', 'asked');
      await submitDialog();
      http.expectOne({ method: 'POST', url: `${USER_URL}/erasure` }).flush(
        {
          type: 'urn:border-academy:problem:self-erasure',
          title: 'Conflict',
          status: 409,
          detail: 'An administrator cannot erase their own personal data',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
      render();
      expect(visibleText(overlayElement().querySelector('.dialog-error'))).toBe(
        'You cannot erase your own personal data. Ask another administrator of your unit.',
      );
    });
  });
});
