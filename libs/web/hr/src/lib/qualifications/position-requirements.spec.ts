import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Qualification } from '@border-academy/shared-contracts';

import { pageOf, settle, setUpHrTestBed, visibleText } from '../../testing/hr-test-bed';
import { PositionRequirementsEditor } from './position-requirements';

jest.setTimeout(30_000);

function qualification(id: string, name: string): Qualification {
  return {
    id,
    code: id,
    name: { en: name },
    description: null,
    area: 'IBM',
    level: 4,
    rule: 'assessment',
    requiredCount: null,
    courses: [],
    validityMonths: 24,
    warningDays: 60,
    positionCount: 0,
    holderCount: 0,
  };
}

describe('PositionRequirementsEditor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PositionRequirementsEditor>;
  let element: HTMLElement;

  async function rendered(): Promise<void> {
    await settle();
    fixture.detectChanges();
    await settle();
  }

  function boxes(): { name: string; checked: boolean }[] {
    return Array.from(element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).map((box) => ({
      name: visibleText(box.closest('mat-checkbox')?.querySelector('label')),
      checked: box.checked,
    }));
  }

  beforeEach(async () => {
    http = await setUpHrTestBed([]);
    fixture = TestBed.createComponent(PositionRequirementsEditor);
    fixture.componentRef.setInput('editable', true);
    element = fixture.nativeElement as HTMLElement;
    await rendered();
    http
      .expectOne((request) => request.url === '/api/v1/qualifications')
      .flush(pageOf([qualification('q1', 'Border checks'), qualification('q2', 'Risk analysis')]));
    // the position picker names the chosen position
    fixture.componentInstance['position'].setValue('pos1');
    await rendered();
    for (const found of http.match('/api/v1/positions/pos1'))
      found.flush({ id: 'pos1', code: 'guard', name: { en: 'Guard' } });
    http.expectOne('/api/v1/positions/pos1/qualifications').flush({
      positionId: 'pos1',
      qualifications: [{ id: 'q1', code: 'q1', name: { en: 'Border checks' }, area: 'IBM' }],
    });
    await rendered();
  });

  afterEach(() => http.verify());

  it('ticks what the chosen position requires and saves the ticked ones as a whole', async () => {
    expect(boxes()).toEqual([
      { name: 'Border checks Integrated Border Management · q1', checked: true },
      { name: 'Risk analysis Integrated Border Management · q2', checked: false },
    ]);
    element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[1].click();
    await rendered();
    element.querySelector<HTMLButtonElement>('[data-testid="save-requirements"]')?.click();
    await rendered();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/positions/pos1/qualifications' });
    expect(put.request.body).toEqual({ qualificationIds: ['q1', 'q2'] });
    put.flush({
      positionId: 'pos1',
      qualifications: [
        { id: 'q1', code: 'q1', name: { en: 'Border checks' }, area: 'IBM' },
        { id: 'q2', code: 'q2', name: { en: 'Risk analysis' }, area: 'IBM' },
      ],
    });
    await rendered();
    expect(visibleText(element.querySelector('[data-testid="notice-done"]'))).toBe(
      'Saved; qualifications required: 2.',
    );
    expect(boxes().map((box) => box.checked)).toEqual([true, true]);
  });

  it('offers a qualification created on the page at once', async () => {
    fixture.componentRef.setInput('catalogueRevision', 1);
    await rendered();
    http
      .expectOne((request) => request.url === '/api/v1/qualifications')
      .flush(pageOf([qualification('q1', 'Border checks'), qualification('q3', 'Transit checks')]));
    await rendered();
    expect(boxes().map((box) => box.name)).toContain('Transit checks Integrated Border Management · q3');
  });

  it('is read-only for someone who may not change the catalogue', async () => {
    fixture.componentRef.setInput('editable', false);
    await rendered();
    expect(element.querySelector('[data-testid="save-requirements"]')).toBeNull();
    expect(
      Array.from(element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).every(
        (box) => box.disabled,
      ),
    ).toBe(true);
  });
});
