import { Injectable } from '@nestjs/common';
import { inScopeSql } from '@border-academy/api-platform';
import { ReviewQueueItem } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { ORG_UNIT_REF_SQL, personRefSql } from '../courses/course.repository';
import { isoInstant, selectPage } from '../sql-page';

/** Versions awaiting review in a reviewer's scope, oldest submission first. */
@Injectable()
export class ReviewQueueRepository {
  async findPage(
    manager: EntityManager,
    scope: string[],
    page: number,
    pageSize: number,
  ): Promise<{ items: ReviewQueueItem[]; total: number }> {
    const { rows, total } = await selectPage<ReviewQueueItem>(
      manager,
      {
        from: `SELECT c.id AS "courseId", v.id AS "versionId", c.code, v.title, v.number AS "versionNumber",
                      ${ORG_UNIT_REF_SQL} AS "ownerOrgUnit", v.submitted_at AS "submittedAt",
                      ${personRefSql('v.submitted_by')} AS "submittedBy", v.completeness
                 FROM course_version v
                 JOIN course c ON c.id = v.course_id
                 JOIN org_unit o ON o.id = c.owner_org_unit_id
                WHERE v.status = 'in_review' AND ${inScopeSql('o.path', '$1')}`,
        order: `f."submittedAt", f."versionId"`,
        parameters: [scope],
      },
      page,
      pageSize,
    );
    return { items: rows.map((row) => ({ ...row, submittedAt: isoInstant(row.submittedAt) })), total };
  }
}
