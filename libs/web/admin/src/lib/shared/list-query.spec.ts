import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';

import { bindFiltersToUrl } from './list-query';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bindFiltersToUrl', () => {
  function bound() {
    const url = signal({ q: '', role: '' });
    const form = new FormGroup({
      q: new FormControl('', { nonNullable: true }),
      role: new FormControl('', { nonNullable: true }),
    });
    const navigations: { q: string; role: string }[] = [];
    TestBed.runInInjectionContext(() =>
      bindFiltersToUrl(form, url, () => navigations.push(form.getRawValue())),
    );
    TestBed.tick();
    return { url, form, navigations };
  }

  it('puts a change into the URL once typing pauses, and the URL’s filters into the form', async () => {
    const { url, form, navigations } = bound();
    form.controls.q.setValue('kz');
    form.controls.q.setValue('kz.hr');
    await pause(400);
    expect(navigations).toEqual([{ q: 'kz.hr', role: '' }]);

    // Back: the URL changes and the form follows it
    url.set({ q: '', role: 'admin' });
    TestBed.tick();
    expect(form.getRawValue()).toEqual({ q: '', role: 'admin' });
  });

  it('keeps a change made while the URL catches up with an earlier one, and navigates with both', async () => {
    const { url, form, navigations } = bound();
    form.controls.q.setValue('kz');
    await pause(400);
    expect(navigations).toEqual([{ q: 'kz', role: '' }]);

    // the person picks a role before the first navigation has landed in the URL
    form.controls.role.setValue('hr');
    url.set({ q: 'kz', role: '' });
    TestBed.tick();
    expect(form.getRawValue()).toEqual({ q: 'kz', role: 'hr' });
    await pause(400);
    expect(navigations).toEqual([
      { q: 'kz', role: '' },
      { q: 'kz', role: 'hr' },
    ]);
  });
});
