import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { OrgUnit } from '@border-academy/shared-contracts';

import { configureAdminTestBed, overlay, render as renderFixture } from '../../testing/admin-test-bed';
import { OrgUnitPicker } from './org-unit-picker';

jest.setTimeout(30_000);

function aUnit(code: string, en: string, ru?: string): OrgUnit {
  return {
    id: `id-${code}`,
    code,
    kind: 'unit',
    name: { en, ...(ru ? { ru } : {}) },
    status: 'active',
    parentId: 'id-kz-border',
    path: `kz.kz-border.${code}`,
    depth: 2,
    childCount: 0,
  };
}

@Component({
  imports: [OrgUnitPicker, ReactiveFormsModule],
  template: `<ba-org-unit-picker
    label="Unit"
    [formControl]="unit"
    [exclude]="exclude"
    (picked)="picked = $event"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly unit = new FormControl<string | null>(null, Validators.required);
  readonly exclude = (candidate: OrgUnit) => candidate.code === 'kz-border-mobile';
  picked: OrgUnit | null = null;
}

describe('OrgUnitPicker', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let input: HTMLInputElement;

  const options = () =>
    Array.from(document.querySelectorAll('mat-option')).map((option) =>
      option.textContent?.replace(/\s+/g, ' ').trim(),
    );

  const render = () => renderFixture(fixture);

  async function type(text: string): Promise<void> {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await render();
  }

  beforeEach(async () => {
    http = await configureAdminTestBed();
    fixture = TestBed.createComponent(Host);
    await render();
    input = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
  });

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('searches the units the admin administers and leaves out the excluded ones', async () => {
    await type('almaty');
    const search = http.expectOne((request) => request.url === '/api/v1/org-units');
    expect(search.request.params.get('q')).toBe('almaty');
    expect(search.request.params.get('administered')).toBe('true');
    search.flush({
      items: [aUnit('kz-border-almaty', 'Almaty Region'), aUnit('kz-border-mobile', 'Almaty mobile group')],
      total: 25,
      page: 1,
      pageSize: 20,
    });
    await render();
    expect(options()).toEqual(['Almaty Region kz-border-almaty', 'More units match: type more of the name.']);
  });

  it('gives the form the chosen unit’s id, and takes it back when the text changes', async () => {
    await type('alm');
    http
      .expectOne((request) => request.url === '/api/v1/org-units')
      .flush({ items: [aUnit('kz-border-almaty', 'Almaty Region')], total: 1, page: 1, pageSize: 20 });
    await render();
    (document.querySelector('mat-option') as HTMLElement).click();
    await render();
    expect(fixture.componentInstance.unit.value).toBe('id-kz-border-almaty');
    expect(fixture.componentInstance.picked?.code).toBe('kz-border-almaty');
    expect(input.value).toBe('Almaty Region');

    await type('Almaty Reg');
    http
      .expectOne((request) => request.url === '/api/v1/org-units')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await render();
    expect(fixture.componentInstance.unit.value).toBeNull();
    expect(options()).toEqual(['No unit you administer matches.']);
  });

  it('shows the name of a unit the form already holds', async () => {
    fixture.componentInstance.unit.setValue('id-kz-border-khorgos');
    await render();
    http
      .expectOne('/api/v1/org-units/id-kz-border-khorgos')
      .flush(aUnit('kz-border-khorgos', 'Khorgos', 'Хоргос'));
    await render();
    expect(input.value).toBe('Khorgos');
  });

  it('says a unit is required once the field has been left empty', async () => {
    input.dispatchEvent(new Event('blur'));
    await render();
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-error')?.textContent?.trim()).toBe(
      'Required.',
    );
  });
});
