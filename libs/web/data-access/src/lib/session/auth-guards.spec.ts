import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role, SessionResponse } from '@border-academy/shared-contracts';
import { provideI18n } from '@border-academy/web-i18n';
import { requireAnyRole, requireRole, requireSignedIn } from './auth-guards';
import { AUTH_API } from './auth-session';

@Component({ template: '' })
class Blank {}

function sessionWith(...roles: Role[]): SessionResponse {
  return {
    accessToken: 't',
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: {
      id: 'u1',
      login: 'u',
      email: 'u@example.org',
      fullName: 'U',
      language: 'en',
      orgUnitId: 'kg',
      grants: roles.map((role, i) => ({
        id: `g${i}`,
        role,
        orgUnitId: 'kg',
        orgUnitName: { en: 'Kyrgyzstan' },
      })),
    },
  };
}

describe('route guards', () => {
  let router: Router;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: Blank },
          { path: 'sign-in', component: Blank },
          { path: 'profile', component: Blank, canActivate: [requireSignedIn] },
          { path: 'admin', component: Blank, canActivate: [requireRole('admin')] },
          {
            path: 'authoring',
            component: Blank,
            canActivate: [requireAnyRole('trainer', 'reviewer', 'admin')],
          },
        ]),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
  });

  async function navigate(url: string, refresh: SessionResponse | null): Promise<string> {
    const navigation = router.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne(AUTH_API.refresh);
    if (refresh) request.flush(refresh);
    else request.flush(null, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    return router.url;
  }

  it('waits for the session to be restored before opening a private page', async () => {
    expect(await navigate('/profile', sessionWith('learner'))).toBe('/profile');
  });

  it('sends a signed-out visitor to sign in, with the way back', async () => {
    expect(await navigate('/profile?tab=password', null)).toBe(
      '/sign-in?returnUrl=%2Fprofile%3Ftab%3Dpassword',
    );
  });

  it('opens a role’s pages to holders of that role only', async () => {
    expect(await navigate('/admin', sessionWith('admin', 'hr'))).toBe('/admin');
  });

  it('turns a signed-in user without the role back to the home page', async () => {
    expect(await navigate('/admin', sessionWith('learner'))).toBe('/');
  });

  it('sends a signed-out visitor of a role’s page to sign in first', async () => {
    expect(await navigate('/admin', null)).toBe('/sign-in?returnUrl=%2Fadmin');
  });

  it('opens pages shared by several roles to a holder of any one of them', async () => {
    expect(await navigate('/authoring', sessionWith('learner', 'reviewer'))).toBe('/authoring');
  });

  it('turns away a user who holds none of the roles a shared page asks for', async () => {
    expect(await navigate('/authoring', sessionWith('learner', 'hr'))).toBe('/');
  });
});
