import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

/**
 * The test bed of the administration's component tests: English texts loaded, HTTP answered by the
 * test through the problem interceptor, dialogs that open and close without animation.
 */
export async function configureAdminTestBed(): Promise<HttpTestingController> {
  TestBed.configureTestingModule({
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      provideI18n(),
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
    ],
  });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  return TestBed.inject(HttpTestingController);
}

/**
 * Lets answered requests, timers and change detection run. Not whenStable(): a request the test has
 * not answered yet keeps the page unstable.
 */
export async function render(fixture: ComponentFixture<unknown>): Promise<void> {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
  };
  await settle();
  fixture.detectChanges();
  await settle();
}

/** Where Material puts dialogs, menus and autocomplete panels. */
export function overlay(): HTMLElement {
  return document.querySelector('.cdk-overlay-container') as HTMLElement;
}

/** Types into the input with the test id, as a user would. */
export function typeInto(root: ParentNode, testId: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no input ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** The text of the first element matching the selector, with its white space collapsed. */
export function textOf(root: ParentNode, selector: string): string | undefined {
  return root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
}

/** The one request to the URL whose query has (at least) these parameters. */
export function expectQuery(
  http: HttpTestingController,
  url: string,
  params: Record<string, string> = {},
): TestRequest {
  return http.expectOne(
    (request) =>
      request.url === url &&
      Object.entries(params).every(([name, value]) => request.params.get(name) === value),
  );
}
