import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Routes, provideRouter, withComponentInputBinding } from '@angular/router';
import { Page } from '@border-academy/shared-contracts';
import { problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

/**
 * The test bed of the staff pages: English texts loaded, routes whose parameters and query bind to the
 * pages' inputs, HTTP answered by the test through the problem interceptor, dialogs without animation.
 */
export async function setUpHrTestBed(routes: Routes): Promise<HttpTestingController> {
  TestBed.configureTestingModule({
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      provideRouter(routes, withComponentInputBinding()),
      provideI18n(),
      provideHttpClient(withInterceptors([problemInterceptor])),
      provideHttpClientTesting(),
    ],
  });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  return TestBed.inject(HttpTestingController);
}

/** Lets signals, effects, answered requests and rendering run their course. */
export async function settle(ms = 0): Promise<void> {
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

export function pageOf<T>(items: T[], page = 1, pageSize = 20, total = items.length): Page<T> {
  return { items, total, page, pageSize };
}

/** The visible text of an element, with runs of white space made one. */
export function visibleText(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
