import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { CourseVersion } from '@border-academy/shared-contracts';
import { problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { OutlineEditor } from './outline-editor';
import { VersionWorkspace } from './version-workspace';

function lesson(id: string, moduleId: string, title: string) {
  return { id, moduleId, kind: 'text' as const, title: { en: title }, required: true };
}

const VERSION: CourseVersion = {
  id: 'v1',
  courseId: 'c1',
  number: 1,
  status: 'draft',
  defaultLanguage: 'en',
  title: { en: 'IBM basics' },
  description: null,
  modules: [
    {
      id: 'm1',
      title: { en: 'Pillars' },
      lessons: [lesson('l1', 'm1', 'Intra-service'), lesson('l2', 'm1', 'Inter-agency')],
    },
    { id: 'm2', title: { en: 'Practice' }, lessons: [lesson('l3', 'm2', 'Risk analysis')] },
  ],
  quizzes: [],
  completeness: { en: 100, ru: 0 },
  reviewComment: null,
  editable: true,
};

describe('OutlineEditor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OutlineEditor>;

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
  }

  function lessonTitles(): string[] {
    return Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="outline-module"]'),
    ).map((module) =>
      Array.from(
        module.parentElement?.querySelectorAll('[data-testid="outline-lesson"] a ba-content-text') ?? [],
      )
        .map((title) => title.textContent?.trim())
        .join(','),
    );
  }

  /** What the live announcer says; it speaks after a short delay, so that screen readers notice the change. */
  async function announced(): Promise<string> {
    const region = () => document.querySelector('.cdk-live-announcer-element')?.textContent ?? '';
    for (let waited = 0; region() === '' && waited < 2000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return region();
  }

  function press(element: Element, key: string, altKey: boolean): void {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, altKey, bubbles: true, cancelable: true }));
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideI18n(),
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        VersionWorkspace,
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(VersionWorkspace).versionId.set('v1');
    fixture = TestBed.createComponent(OutlineEditor);
    await settle();
    http.match('/api/v1/content-languages').forEach((request) =>
      request.flush([
        { code: 'en', nativeName: 'English', position: 1 },
        { code: 'ru', nativeName: 'Русский', position: 2 },
      ]),
    );
    http.expectOne('/api/v1/course-versions/v1').flush(VERSION);
    await settle();
    http.match('/api/v1/courses/c1').forEach((request) => request.flush({ id: 'c1' }));
    await settle();
  });

  it('moves a focused lesson with Alt+Arrow Down into the next module, says so, and saves the whole order', async () => {
    expect(lessonTitles()).toEqual(['Intra-service,Inter-agency', 'Risk analysis']);
    const moved = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-outline-item="l2"]',
    ) as HTMLElement;
    moved.focus();
    press(moved, 'ArrowDown', true);
    await settle();

    expect(lessonTitles()).toEqual(['Intra-service', 'Inter-agency,Risk analysis']);
    expect(await announced()).toContain('Inter-agency moved to position 1 in Practice.');
    expect(document.activeElement?.getAttribute('data-outline-item')).toBe('l2');
    const save = http.expectOne({ method: 'PUT', url: '/api/v1/course-versions/v1/outline' });
    expect(save.request.body).toEqual({
      modules: [
        { id: 'm1', lessonIds: ['l1'] },
        { id: 'm2', lessonIds: ['l2', 'l3'] },
      ],
    });
  });

  it('moves a module with Alt+Arrow Up and ignores arrows without Alt', async () => {
    const second = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-outline-item="m2"]',
    ) as HTMLElement;
    press(second, 'ArrowUp', false);
    await settle();
    http.expectNone({ method: 'PUT', url: '/api/v1/course-versions/v1/outline' });

    press(second, 'ArrowUp', true);
    await settle();
    expect(lessonTitles()).toEqual(['Risk analysis', 'Intra-service,Inter-agency']);
    const save = http.expectOne({ method: 'PUT', url: '/api/v1/course-versions/v1/outline' });
    expect(save.request.body.modules.map((module: { id: string }) => module.id)).toEqual(['m2', 'm1']);
  });

  it('puts the order back and says why when the server refuses it', async () => {
    const first = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-outline-item="l1"]',
    ) as HTMLElement;
    press(first, 'ArrowDown', true);
    await settle();
    http.expectOne({ method: 'PUT', url: '/api/v1/course-versions/v1/outline' }).flush(
      {
        type: 'urn:border-academy:problem:course-version-not-editable',
        title: 'Not editable',
        status: 409,
        versionStatus: 'in_review',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(lessonTitles()).toEqual(['Intra-service,Inter-agency', 'Risk analysis']);
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="failure"]')?.textContent,
    ).toContain('no longer a draft');
  });
});
