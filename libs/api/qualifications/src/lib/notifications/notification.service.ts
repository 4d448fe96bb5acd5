import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig } from '@border-academy/api-platform';
import { NotificationPage } from '@border-academy/shared-contracts';
import { Transporter, createTransport } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '../clock';
import { QualificationRecordNotFoundError } from '../qualifications.errors';
import { MailableNotification, reminderMail } from './reminder-mail';

/** The lock every instance takes before the daily run; the one that gets it works, the others skip. */
const REMINDER_LOCK = 0x62615f72656d; // "ba_rem"
/** How soon before a due date the learner is reminded. */
const DUE_SOON_DAYS = 7;
/** How often each instance checks whether today's run is done. */
const CHECK_EVERY_MS = 15 * 60_000;

export interface ReminderRun {
  /** False when another instance held the lock or today's run was already done. */
  ran: boolean;
  expiring: number;
  expired: number;
  dueSoon: number;
  overdue: number;
  digests: number;
  /** Notifications mailed after the run (SMTP_URL set), and those the server refused. */
  mailed: number;
  mailFailures: number;
}

/**
 * In-app notifications and the daily reminder job. Each reminder has a key (kind and record, or the
 * day for HR's digest) unique per person, the run holds a PostgreSQL advisory lock and records its day
 * in `job_run`: however many API instances run it, each reminder is sent once.
 */
@Injectable()
export class NotificationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('reminders');
  private timer: NodeJS.Timeout | null = null;
  private mailer: Transporter | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.remindersEnabled) return;
    const tick = () =>
      this.runDaily().catch((error: Error) =>
        this.logger.error(`The daily reminders failed: ${error.message}`),
      );
    this.timer = setInterval(tick, CHECK_EVERY_MS);
    this.timer.unref();
    setTimeout(tick, 5_000).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.mailer?.close();
  }

  async list(userId: string, page: number, pageSize: number): Promise<NotificationPage> {
    const rows: NotificationPage[] = await this.dataSource.query(
      `SELECT COALESCE((SELECT json_agg(n ORDER BY n."createdAt" DESC, n.id) FROM (
                SELECT id, kind, data, created_at AS "createdAt", read_at AS "readAt" FROM notification
                 WHERE user_id = $1 ORDER BY created_at DESC, id OFFSET $2 LIMIT $3) n), '[]'::json) AS items,
              (SELECT count(*)::int FROM notification WHERE user_id = $1) AS total,
              (SELECT count(*)::int FROM notification WHERE user_id = $1 AND read_at IS NULL) AS unread`,
      [userId, (page - 1) * pageSize, pageSize],
    );
    const result = rows[0] ?? { items: [], total: 0, unread: 0 };
    return { items: result.items, total: result.total, unread: result.unread, page, pageSize };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH marked AS (UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM marked`,
      [id, userId],
    );
    if (rows.length === 0) throw new QualificationRecordNotFoundError('notification', id);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
  }

  /** Today's run, once across instances: marks holdings expiring and expired, reminds, digests, snapshots. */
  async runDaily(): Promise<ReminderRun> {
    const now = this.clock.now();
    const day = now.toISOString().slice(0, 10);
    const skipped: ReminderRun = {
      ran: false,
      expiring: 0,
      expired: 0,
      dueSoon: 0,
      overdue: 0,
      digests: 0,
      mailed: 0,
      mailFailures: 0,
    };
    const run = await this.dataSource.transaction(async (manager) => {
      const [lock]: { locked: boolean }[] = await manager.query(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [REMINDER_LOCK],
      );
      if (!lock?.locked) return skipped;
      const claimed: unknown[] = await manager.query(
        `INSERT INTO job_run (job, day) VALUES ('reminders', $1) ON CONFLICT DO NOTHING RETURNING day`,
        [day],
      );
      if (claimed.length === 0) return skipped;
      const run = await this.remind(manager, now, day);
      await this.snapshot(manager, now);
      await manager.query(
        `UPDATE job_run SET finished_at = now(), summary = $2 WHERE job = 'reminders' AND day = $1`,
        [day, JSON.stringify(run)],
      );
      return run;
    });
    // mail after the commit, outside the lock: a slow mail server holds up nobody
    if (run.ran) Object.assign(run, await this.mailPending(now));
    if (run.ran) this.logger.log(`Daily reminders for ${day}: ${JSON.stringify(run)}`);
    return run;
  }

  /**
   * Mails the notifications of the last two days not mailed yet, when SMTP is configured; each one is
   * marked once the server took it, so a run that stops half-way mails the rest next time.
   */
  async mailPending(now: Date): Promise<{ mailed: number; mailFailures: number }> {
    if (!this.config.SMTP_URL) return { mailed: 0, mailFailures: 0 };
    this.mailer ??= createTransport(this.config.SMTP_URL);
    const pending: MailableNotification[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.data, u.email, u.full_name AS "fullName", u.language
         FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.mailed_at IS NULL AND n.created_at > $1::timestamptz - interval '2 days'
          AND u.email IS NOT NULL AND u.status = 'active'
        ORDER BY n.created_at, n.id`,
      [now],
    );
    let mailed = 0;
    let mailFailures = 0;
    for (const notification of pending) {
      const mail = reminderMail(notification);
      try {
        await this.mailer.sendMail({ from: this.config.MAIL_FROM, to: notification.email, ...mail });
        await this.dataSource.query(`UPDATE notification SET mailed_at = now() WHERE id = $1`, [
          notification.id,
        ]);
        mailed += 1;
      } catch (error) {
        mailFailures += 1;
        this.logger.warn(`A reminder mail was refused: ${(error as Error).message}`);
      }
    }
    return { mailed, mailFailures };
  }

  /** The reminders due at `now`; each one's key makes a second call a no-op. */
  async remind(manager: EntityManager, now: Date, day: string): Promise<ReminderRun> {
    const count = async (sql: string, parameters: unknown[]) =>
      (
        (await manager.query(
          `WITH done AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM done`,
          parameters,
        )) as {
          n: number;
        }[]
      )[0]?.n ?? 0;

    // holdings that entered their window or ran out: one history event per grant, and the learner told once
    const events = async (kind: 'expiring' | 'expired', condition: string) => {
      await manager.query(
        `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at)
         SELECT sq.user_id, sq.qualification_id, sq.grant_id, $2::qualification_event_kind, $1
           FROM staff_qualification sq JOIN qualification q ON q.id = sq.qualification_id
          WHERE sq.expires_at IS NOT NULL AND ${condition}
         ON CONFLICT (grant_id, kind) WHERE kind IN ('expiring', 'expired') DO NOTHING`,
        [now, kind],
      );
      return count(
        `INSERT INTO notification (user_id, kind, data, dedupe_key, created_at)
         SELECT sq.user_id, 'qualification-${kind}', json_build_object('qualificationName', q.name, 'expiresAt', sq.expires_at),
                'qualification-${kind}:' || sq.grant_id, $1
           FROM staff_qualification sq JOIN qualification q ON q.id = sq.qualification_id
           JOIN app_user u ON u.id = sq.user_id AND u.status = 'active'
          WHERE sq.expires_at IS NOT NULL AND ${condition}
         ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
        [now],
      );
    };
    const expiring = await events(
      'expiring',
      `sq.expires_at > $1::timestamptz AND sq.expires_at <= $1::timestamptz + make_interval(days => q.warning_days)`,
    );
    const expired = await events('expired', `sq.expires_at <= $1::timestamptz`);

    const enrolmentReminder = (kind: 'due-soon' | 'overdue', condition: string) =>
      count(
        `INSERT INTO notification (user_id, kind, data, dedupe_key, created_at)
         SELECT e.user_id, 'assignment-${kind}', json_build_object('courseTitle', v.title, 'dueAt', e.due_at, 'enrolmentId', e.id),
                'assignment-${kind}:' || e.id || ':' || to_char(e.due_at, 'YYYY-MM-DD'), $1
           FROM enrolment e JOIN course_version v ON v.id = e.course_version_id
           JOIN app_user u ON u.id = e.user_id AND u.status = 'active'
          WHERE e.due_at IS NOT NULL AND e.status IN ('enrolled', 'in_progress', 'failed') AND ${condition}
         ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
        [now, DUE_SOON_DAYS],
      );
    const dueSoon = await enrolmentReminder(
      'due-soon',
      `e.due_at >= $1::timestamptz AND e.due_at < $1::timestamptz + make_interval(days => $2::int)`,
    );
    const overdue = await enrolmentReminder('overdue', `e.due_at < $1::timestamptz AND $2::int > 0`);

    // HR's digest: per HR person, the counts over their scope, once a day and only when there is something
    const digests = await count(
      `INSERT INTO notification (user_id, kind, data, dedupe_key, created_at)
       SELECT hr.user_id, 'hr-digest', json_build_object('day', $2::text, 'overdue', d.overdue, 'expiring', d.expiring, 'expired', d.expired),
              'hr-digest:' || $2::text, $1
         FROM (SELECT DISTINCT g.user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id AND u.status = 'active'
                WHERE g.role = 'hr') hr
        CROSS JOIN LATERAL (
          SELECT (SELECT count(*) FROM enrolment e JOIN app_user p ON p.id = e.user_id AND p.status = 'active'
                    JOIN org_unit o ON o.id = p.org_unit_id
                   WHERE e.due_at < $1::timestamptz AND e.status IN ('enrolled', 'in_progress', 'failed')
                     AND EXISTS (SELECT 1 FROM role_grant g JOIN org_unit s ON s.id = g.org_unit_id
                                  WHERE g.user_id = hr.user_id AND g.role = 'hr' AND (o.path = s.path OR o.path LIKE s.path || '.%')))::int AS overdue,
                 count(*) FILTER (WHERE sq.expires_at > $1::timestamptz)::int AS expiring,
                 count(*) FILTER (WHERE sq.expires_at <= $1::timestamptz)::int AS expired
            FROM staff_qualification sq JOIN qualification q ON q.id = sq.qualification_id
            JOIN app_user p ON p.id = sq.user_id AND p.status = 'active'
            JOIN org_unit o ON o.id = p.org_unit_id
           WHERE sq.expires_at <= $1::timestamptz + make_interval(days => q.warning_days)
             AND sq.expires_at > $1::timestamptz - interval '30 days'
             AND EXISTS (SELECT 1 FROM role_grant g JOIN org_unit s ON s.id = g.org_unit_id
                          WHERE g.user_id = hr.user_id AND g.role = 'hr' AND (o.path = s.path OR o.path LIKE s.path || '.%'))
        ) d
        WHERE d.overdue + d.expiring + d.expired > 0
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [now, day],
    );
    return { ran: true, expiring, expired, dueSoon, overdue, digests, mailed: 0, mailFailures: 0 };
  }

  /** Per unit and area: how many required qualifications its people hold at `at`; the trend reads these. */
  async snapshot(manager: EntityManager, at: Date): Promise<void> {
    await manager.query(`SELECT compliance_snapshot_take($1)`, [at]);
  }
}
