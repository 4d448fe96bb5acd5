import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PersonalDataRegistry,
  PersonalDataSectionProvider,
  isoInstantSql,
} from '@border-academy/api-platform';

/**
 * The courses the person authors and the versions they drafted, submitted or published. Their work
 * stays with the courses after an erasure, credited to the anonymised user row.
 */
const courseWork: PersonalDataSectionProvider = {
  key: 'authoring.courses',
  title: { en: 'Course authoring', ru: 'Разработка курсов' },
  order: 300,
  rows: (manager, userId) =>
    manager.query(
      `SELECT c.id AS "courseId", c.code AS "courseCode", v.id AS "versionId", v.number AS "versionNumber",
              v.title, EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = c.id AND a.user_id = $1) AS author,
              (v.created_by = $1) AS "createdVersion", ${isoInstantSql('v.created_at')} AS "createdAt",
              (v.submitted_by = $1) AS "submittedVersion", ${isoInstantSql('v.submitted_at')} AS "submittedAt",
              (v.published_by = $1) AS "publishedVersion", ${isoInstantSql('v.published_at')} AS "publishedAt"
         FROM course c
         JOIN course_version v ON v.course_id = c.id
        WHERE EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = c.id AND a.user_id = $1)
           OR v.created_by = $1 OR v.submitted_by = $1 OR v.published_by = $1
        ORDER BY c.code, v.number`,
      [userId],
    ),
};

/** Registers what authoring keeps about a person. */
@Injectable()
export class AuthoringPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(courseWork);
  }
}
