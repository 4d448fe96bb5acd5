import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PersonalDataRegistry,
  PersonalDataSectionProvider,
  isoInstantSql,
} from '@border-academy/api-platform';
import { PersonalDataRow } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

const COLUMNS = `id::text AS id, ${isoInstantSql('at')} AS at, action,
                 actor_user_id AS "actorUserId", target_type AS "targetType", target_id AS "targetId", ip, summary`;

/**
 * The audit trail's entries about the person (they are the target) and by them (they acted). Neither
 * section erases anything: the trail is append-only, so an erasure adds its own entry and the older
 * ones stay as evidence of what was done (see docs/security.md, "Privacy").
 */
@Injectable()
export class AuditPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    const about: PersonalDataSectionProvider = {
      key: 'audit.about-person',
      title: { en: 'Audit entries about the person', ru: 'Записи журнала аудита о человеке' },
      order: 200,
      rows: (manager: EntityManager, userId: string): Promise<PersonalDataRow[]> =>
        manager.query(
          `SELECT ${COLUMNS} FROM audit_event WHERE target_type = 'user' AND target_id = $1 ORDER BY at, id`,
          [userId],
        ),
    };
    const by: PersonalDataSectionProvider = {
      key: 'audit.by-person',
      title: { en: 'Audit entries of what the person did', ru: 'Записи журнала аудита о действиях человека' },
      order: 210,
      rows: (manager: EntityManager, userId: string): Promise<PersonalDataRow[]> =>
        manager.query(`SELECT ${COLUMNS} FROM audit_event WHERE actor_user_id = $1 ORDER BY at, id`, [
          userId,
        ]),
    };
    this.registry.register(about, by);
  }
}
