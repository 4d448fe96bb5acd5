import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { OrgUnit, Page, UserDetails, UserSummary } from '@border-academy/shared-contracts';

import { configureAdminTestBed } from './admin-test-bed';

/** Lets signals, effects, debounced searches and rendering run their course. */
export async function settle(ms = 0): Promise<void> {
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

/** The lookups wait this long after typing before they search. */
export const SEARCH_WAIT_MS = 300;

/** The administration's test bed with routes whose parameters and query bind to the pages' inputs. */
export async function setUpAdminTestBed(routes: Routes = []): Promise<HttpTestingController> {
  TestBed.configureTestingModule({ providers: [provideRouter(routes, withComponentInputBinding())] });
  return configureAdminTestBed();
}

export function pageOf<T>(items: T[], page = 1, pageSize = 20, total = items.length): Page<T> {
  return { items, total, page, pageSize };
}

export function anOrgUnit(overrides: Partial<OrgUnit> = {}): OrgUnit {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    code: 'kz-border-khorgos',
    kind: 'border_post',
    name: { en: 'Khorgos', ru: 'Хоргос' },
    status: 'active',
    parentId: null,
    path: 'kz.kz-border.kz-border-almaty.kz-border-khorgos',
    depth: 3,
    childCount: 0,
    ...overrides,
  };
}

/** Types into a unit picker, answers its search with the units and picks the first of them. */
export async function pickUnit(
  http: HttpTestingController,
  input: HTMLInputElement,
  units: OrgUnit[],
  render: () => void,
): Promise<TestRequest> {
  input.focus();
  input.dispatchEvent(new Event('focusin'));
  input.value = units[0]?.name.en.slice(0, 4) ?? '';
  input.dispatchEvent(new Event('input'));
  await settle(SEARCH_WAIT_MS);
  const requests = http.match((request) => request.url === '/api/v1/org-units');
  const search = requests[requests.length - 1];
  if (!search) throw new Error('the lookup did not search');
  for (const request of requests) request.flush(pageOf(units));
  await settle();
  render();
  const option = document.querySelector<HTMLElement>('mat-option:not(.mdc-list-item--disabled)');
  if (!option) throw new Error('the lookup offered no option');
  option.click();
  await settle();
  render();
  return search;
}

/** The visible text of an element, with runs of white space made one. */
export function visibleText(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function aUser(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    login: 'kz.a.nurlanova',
    email: 'a.nurlanova@example.kz',
    fullName: 'Aliya Nurlanova',
    fullNameCyrillic: 'Алия Нурланова',
    language: 'ru',
    status: 'active',
    orgUnitId: '44444444-4444-4444-8444-444444444444',
    orgUnitName: { en: 'Khorgos', ru: 'Хоргос' },
    positionId: null,
    positionName: null,
    roles: ['learner', 'trainer'],
    lockedUntil: null,
    createdAt: '2026-11-28T10:00:00Z',
    ...overrides,
  };
}

export function aUserWithGrants(overrides: Partial<UserDetails> = {}): UserDetails {
  return {
    ...aUser(),
    roles: ['learner'],
    grants: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        role: 'learner',
        orgUnitId: '44444444-4444-4444-8444-444444444444',
        orgUnitName: { en: 'Khorgos', ru: 'Хоргос' },
      },
    ],
    ...overrides,
  };
}
