import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { of } from 'rxjs';
import { NotificationPage, Role, SessionResponse } from '@border-academy/shared-contracts';
import { AUTH_API, AuthSession, NotificationClient } from '@border-academy/web-data-access';
import { LANGUAGE_STORAGE_KEY, provideI18n } from '@border-academy/web-i18n';
import { Shell } from './shell';

@Component({ template: '<h1>Page</h1>' })
class Page {}

function sessionWith(roles: Role[]): SessionResponse {
  return {
    accessToken: 'token',
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: {
      id: 'u1',
      login: 'g.nurlanova',
      email: 'g.nurlanova@example.org',
      fullName: 'Gulnara Nurlanova',
      language: 'en',
      orgUnitId: 'kz-border',
      grants: roles.map((role, i) => ({
        id: `g${i}`,
        role,
        orgUnitId: 'kz-border',
        orgUnitName: { en: 'Border Service of Kazakhstan' },
      })),
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve));
  }
  expect(condition()).toBe(true);
}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let page: HTMLElement;
  // what the notification bell is told: the newest notifications and how many are unread
  let notifications: NotificationPage;
  const notificationClient = {
    page: jest.fn(() => of(notifications)),
    markRead: jest.fn(() => of(undefined)),
    markAllRead: jest.fn(() => {
      notifications = { ...notifications, items: [], total: 0, unread: 0 };
      return of(undefined);
    }),
  };

  async function chooseLanguage(name: string): Promise<void> {
    (page.querySelector('[data-testid="language-switch"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]'));
    const item = items.find((candidate) => candidate.textContent?.trim() === name);
    expect(item).toBeDefined();
    item?.click();
  }

  beforeEach(async () => {
    localStorage.clear();
    notifications = { items: [], total: 0, page: 1, pageSize: 10, unread: 0 };
    TestBed.configureTestingModule({
      providers: [
        { provide: NotificationClient, useValue: notificationClient },
        provideRouter([
          { path: '', component: Page },
          { path: 'other', component: Page },
          { path: 'sign-in', component: Page },
        ]),
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    fixture = TestBed.createComponent(Shell);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('has a banner with the product name, a labelled navigation and a main landmark', () => {
    expect(page.querySelector('header')?.textContent).toContain('Border Academy');
    expect(page.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
    expect(page.querySelector('nav a')?.textContent?.trim()).toBe('Home');
    expect(page.querySelector('main#main-content')).not.toBeNull();
  });

  it('switches the visible text and <html lang> to Russian, and back to English', async () => {
    await chooseLanguage('Русский');
    await until(() => document.documentElement.lang === 'ru');
    await fixture.whenStable();

    expect(page.querySelector('header')?.textContent).toContain('Пограничная академия');
    expect(page.querySelector('nav a')?.textContent?.trim()).toBe('Главная');
    expect(page.querySelector('.skip-link')?.textContent?.trim()).toBe('Перейти к основному содержанию');
    expect(page.querySelector('[data-testid="language-switch"]')?.getAttribute('aria-label')).toBe(
      'Язык: Русский',
    );
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');

    await chooseLanguage('English');
    await until(() => document.documentElement.lang === 'en');
    await fixture.whenStable();
    expect(page.querySelector('header')?.textContent).toContain('Border Academy');
  });

  it('marks the active language in the menu for screen readers', async () => {
    (page.querySelector('[data-testid="language-switch"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const checked = document.querySelector('[role="menuitemradio"][aria-checked="true"]');
    expect(checked?.textContent?.trim()).toBe('English');
    expect(checked?.getAttribute('lang')).toBe('en');
  });

  it('moves focus to the main content from the skip link, without leaving the page', () => {
    const skip = page.querySelector('.skip-link') as HTMLAnchorElement;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    skip.dispatchEvent(event);

    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(page.querySelector('main'));
  });

  it('moves focus to the main content after navigating to another page, not on the first load', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    expect(document.activeElement).not.toBe(page.querySelector('main'));

    await router.navigateByUrl('/other');
    expect(document.activeElement).toBe(page.querySelector('main'));
  });

  function navigationLinks(): string[] {
    return Array.from(page.querySelectorAll('nav a')).map((a) => a.textContent?.trim() ?? '');
  }

  async function signInWith(roles: Role[]): Promise<void> {
    const signedIn = TestBed.inject(AuthSession).signIn({ login: 'g.nurlanova', password: 'x'.repeat(12) });
    TestBed.inject(HttpTestingController).expectOne(AUTH_API.signIn).flush(sessionWith(roles));
    await signedIn;
    await fixture.whenStable();
  }

  it('offers only Home and Sign in to a signed-out visitor, and no account menu', () => {
    expect(navigationLinks()).toEqual(['Home', 'Sign in']);
    expect(page.querySelector('[data-testid="account-menu"]')).toBeNull();
  });

  it.each<[Role[], string[]]>([
    [['learner'], ['Home', 'Catalogue', 'My learning']],
    [['trainer'], ['Home', 'Authoring']],
    [['reviewer'], ['Home', 'Authoring']],
    [
      ['trainer', 'reviewer'],
      ['Home', 'Authoring'],
    ],
    [['hr'], ['Home', 'Staff & qualifications']],
    [['admin'], ['Home', 'Administration']],
    [
      ['learner', 'admin'],
      ['Home', 'Catalogue', 'My learning', 'Administration'],
    ],
  ])('shows a user with the roles %j the navigation of those roles', async (roles, links) => {
    await signInWith(roles);
    expect(navigationLinks()).toEqual(links);
  });

  it('has an account menu named after the user, with profile and both ways to sign out', async () => {
    await signInWith(['learner']);
    const trigger = page.querySelector('[data-testid="account-menu"]') as HTMLButtonElement;
    expect(trigger.getAttribute('aria-label')).toBe('Account: Gulnara Nurlanova');

    trigger.click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll('[role="menuitem"]')).map((i) =>
      i.textContent?.trim(),
    );
    expect(items).toEqual(['Gulnara Nurlanova', 'Profile', 'Sign out', 'Sign out everywhere']);
  });

  it('shows the unread count on the bell and lists the notifications in words, with a way to mark them all read', async () => {
    notifications = {
      items: [
        {
          id: 'n1',
          kind: 'hr-digest',
          data: { overdue: 2, expiring: 3, expired: 1 },
          createdAt: '2026-03-01T08:00:00Z',
          readAt: null,
        },
      ],
      total: 1,
      page: 1,
      pageSize: 10,
      unread: 1,
    };
    await signInWith(['hr']);
    const bell = page.querySelector('[data-testid="notifications"]') as HTMLButtonElement;
    expect(bell.getAttribute('aria-label')).toBe('Notifications, unread: 1');
    expect(page.querySelector('[data-testid="notifications-unread"]')?.textContent?.trim()).toBe('1');

    bell.click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="notification"]')?.textContent).toContain(
      'Your staff today: overdue assignments 2, qualifications expiring 3, expired 1.',
    );
    (document.querySelector('[data-testid="notifications-read-all"]') as HTMLButtonElement).click();
    await until(() => notificationClient.markAllRead.mock.calls.length === 1);
    await fixture.whenStable();
    expect(bell.getAttribute('aria-label')).toBe('Notifications, unread: 0');
    expect(page.querySelector('[data-testid="notifications-unread"]')).toBeNull();
  });

  it('signs out from the account menu: forgets the user, shows the sign-in page and the signed-out navigation', async () => {
    await signInWith(['hr']);
    (page.querySelector('[data-testid="account-menu"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const signOut = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')).find(
      (item) => item.textContent?.trim() === 'Sign out',
    );
    signOut?.click();
    TestBed.inject(HttpTestingController)
      .expectOne(AUTH_API.signOut)
      .flush(null, { status: 204, statusText: 'No Content' });
    await until(() => TestBed.inject(Router).url === '/sign-in');
    await fixture.whenStable();

    expect(TestBed.inject(AuthSession).user()).toBeNull();
    expect(navigationLinks()).toEqual(['Home', 'Sign in']);
    expect(page.querySelector('[data-testid="account-menu"]')).toBeNull();
  });
});
