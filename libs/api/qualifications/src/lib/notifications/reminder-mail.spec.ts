import { AddressInfo } from 'node:net';

import { orgUnitsSeed } from '@border-academy/api-db';
import { TestApp, createTestApp, createTestUser, seedTestDatabase } from '@border-academy/api-platform';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';

import { Clock } from '../clock';
import { QualificationsModule } from '../qualifications.module';
import { NotificationService } from './notification.service';

interface Received {
  to: string[];
  message: string;
}

describe('reminder mail', () => {
  let testApp: TestApp;
  let server: SMTPServer;
  const received: Received[] = [];

  beforeAll(async () => {
    // a real SMTP server on a free port, keeping what it is sent
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((address) => address.address),
            message: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    testApp = await createTestApp([QualificationsModule], {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Border Academy <academy@example.org>',
    });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
  });

  afterAll(async () => {
    await testApp?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  it('mails each reminder once, in the reader’s language, and marks it mailed', async () => {
    const dataSource = testApp.app.get(DataSource);
    const officer = await createTestUser(testApp.app, {
      login: 'kz.mailed',
      orgUnitCode: 'kz-border-khorgos',
    });
    await dataSource.query(`UPDATE app_user SET language = 'ru' WHERE id = $1`, [officer.id]);
    const [q]: { id: string }[] = await dataSource.query(
      `INSERT INTO qualification (code, name, area, level, rule, validity_months, warning_days)
       VALUES ('mail-q', '{"en":"Border checks","ru":"Пограничный контроль"}', 'IBM', 3, 'assessment', 1, 20) RETURNING id`,
    );
    const [grant]: { id: string }[] = await dataSource.query(
      `INSERT INTO qualification_grant (user_id, qualification_id, source, granted_at, expires_at)
       VALUES ($1, $2, 'assessment', '2027-02-01', '2027-03-10') RETURNING id`,
      [officer.id, q?.id],
    );
    await dataSource.query(
      `INSERT INTO staff_qualification (user_id, qualification_id, grant_id, granted_at, expires_at)
       VALUES ($1, $2, $3, '2027-02-01', '2027-03-10')`,
      [officer.id, q?.id, grant?.id],
    );
    jest.spyOn(testApp.app.get(Clock), 'now').mockReturnValue(new Date('2027-03-01T06:00:00Z'));
    const notifications = testApp.app.get(NotificationService);

    const run = await notifications.runDaily();
    expect(run).toMatchObject({ ran: true, expiring: 1, mailed: 1, mailFailures: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['kz.mailed@example.org']);
    expect(received[0]?.message).toContain('academy@example.org');
    // the subject is encoded; the body carries the Russian text of the reminder
    expect(received[0]?.message).toMatch(/Subject: =\?UTF-8\?/);
    expect(await notifications.mailPending(new Date('2027-03-01T07:00:00Z'))).toEqual({
      mailed: 0,
      mailFailures: 0,
    });
    const [row]: { mailed: boolean }[] = await dataSource.query(
      `SELECT mailed_at IS NOT NULL AS mailed FROM notification WHERE user_id = $1`,
      [officer.id],
    );
    expect(row?.mailed).toBe(true);
  });
});
