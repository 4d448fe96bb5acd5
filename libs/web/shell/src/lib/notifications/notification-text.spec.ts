import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AppNotification } from '@border-academy/shared-contracts';
import { provideI18n } from '@border-academy/web-i18n';

import { notificationLink, notificationMessage } from './notification-text';

function notification(kind: AppNotification['kind'], data: Record<string, unknown>): AppNotification {
  return { id: 'n1', kind, data, createdAt: '2026-03-01T08:00:00Z', readAt: null };
}

describe('notification texts', () => {
  let transloco: TranslocoService;

  async function say(item: AppNotification, language: 'en' | 'ru'): Promise<string> {
    await firstValueFrom(transloco.load(language));
    const message = notificationMessage(item, language);
    return transloco.translate(message.key, message.params, language);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    transloco = TestBed.inject(TranslocoService);
  });

  it('names the course in the reader’s language and the due date in its format', async () => {
    const due = notification('assignment-due-soon', {
      courseTitle: { en: 'Border checks basics', ru: 'Основы пограничного контроля' },
      dueAt: '2026-03-15T00:00:00Z',
    });
    expect(await say(due, 'en')).toBe('“Border checks basics” is due on Mar 15, 2026.');
    expect(await say(due, 'ru')).toBe('Курс «Основы пограничного контроля» нужно пройти до 15 мар. 2026 г.');
  });

  it('falls back to the English name where there is none in the reader’s language', async () => {
    const expiring = notification('qualification-expiring', {
      qualificationName: { en: 'Border checks' },
      expiresAt: '2026-04-10T00:00:00Z',
    });
    expect(await say(expiring, 'ru')).toBe(
      'Ваша квалификация «Border checks» истекает 10 апр. 2026 г.; продлите её до этой даты.',
    );
  });

  it('gives HR’s digest its three counts', async () => {
    const digest = notification('hr-digest', { overdue: 3, expiring: 5, expired: 1 });
    expect(await say(digest, 'en')).toBe(
      'Your staff today: overdue assignments 3, qualifications expiring 5, expired 1.',
    );
    expect(notificationLink(digest)).toBe('/staff');
    expect(notificationLink(notification('assignment-overdue', {}))).toBe('/learning/my');
  });

  it('says a dash or 0 for data the server left out, never "undefined"', async () => {
    expect(await say(notification('assignment-overdue', {}), 'en')).toBe('“—” was due on — and is overdue.');
    expect(await say(notification('hr-digest', { overdue: 'many' }), 'en')).toBe(
      'Your staff today: overdue assignments 0, qualifications expiring 0, expired 0.',
    );
  });
});
