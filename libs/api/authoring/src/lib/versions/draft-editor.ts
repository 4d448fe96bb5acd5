import { Injectable } from '@nestjs/common';
import { AccessContext, Permission } from '@border-academy/api-platform';
import { DataSource, EntityManager } from 'typeorm';

import {
  CourseActionForbiddenError,
  CourseContentNotFoundError,
  CourseVersionNotEditableError,
} from '../authoring.errors';
import { ContentLanguageRepository } from '../content/content-language.repository';
import { requireOnCourse } from '../course-access';
import { CourseRepository } from '../courses/course.repository';
import { completeness } from './completeness';
import { CourseVersionRepository, LockedVersion, VersionPart } from './course-version.repository';

/** What a change addresses: a version itself, or a module, lesson, question or quiz of one. */
export type DraftTarget = { version: string } | { part: VersionPart; id: string };

function describe(target: DraftTarget): [string, string] {
  return 'version' in target ? ['course version', target.version] : [target.part, target.id];
}

/**
 * The one gate of every change to a version's content. In the change's own transaction it locks the
 * version row (`FOR UPDATE`, as submit and publish do), checks the course's scope and that the version
 * is a draft (409 otherwise), runs the change, and recomputes the version's completeness before commit.
 */
@Injectable()
export class DraftEditor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: CourseVersionRepository,
    private readonly courses: CourseRepository,
    private readonly languages: ContentLanguageRepository,
  ) {}

  async change<T>(
    access: AccessContext,
    target: DraftTarget,
    change: (manager: EntityManager, version: LockedVersion) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const version = await this.lockInScope(manager, access, target, 'course:write');
      if (version.status !== 'draft') throw new CourseVersionNotEditableError(version.status);
      const result = await change(manager, version);
      await this.recompute(manager, version.id);
      await this.courses.touch(manager, version.courseId);
      return result;
    });
  }

  /** The version behind a target, locked, after the scope check (404 outside any authoring scope, else 403). */
  async lockInScope(
    manager: EntityManager,
    access: AccessContext,
    target: DraftTarget,
    permission: Permission,
  ): Promise<LockedVersion> {
    const [what, id] = describe(target);
    const notFound = () => new CourseContentNotFoundError(what, id);
    const versionId =
      'version' in target ? target.version : await this.versions.versionOf(manager, target.part, id);
    const version = versionId ? await this.versions.lock(manager, versionId) : null;
    if (!version) throw notFound();
    requireOnCourse(access.principal, version.ownerPath, permission, {
      notFound,
      forbidden: () =>
        new CourseActionForbiddenError(
          permission === 'course:review' ? 'review this course' : 'edit this course',
        ),
    });
    return version;
  }

  /** The version behind a target for reading, after the read-scope check. */
  async readable(access: AccessContext, target: DraftTarget): Promise<LockedVersion> {
    const [what, id] = describe(target);
    const notFound = () => new CourseContentNotFoundError(what, id);
    const manager = this.dataSource.manager;
    const versionId =
      'version' in target ? target.version : await this.versions.versionOf(manager, target.part, id);
    const version = versionId ? await this.versions.find(manager, versionId) : null;
    if (!version) throw notFound();
    requireOnCourse(access.principal, version.ownerPath, 'course:read', {
      notFound,
      forbidden: notFound,
    });
    return version;
  }

  /** Stores the percentage of learner-facing texts filled per content language. */
  async recompute(manager: EntityManager, versionId: string): Promise<void> {
    const slots = await this.versions.textSlots(manager, versionId);
    await this.versions.setCompleteness(
      manager,
      versionId,
      completeness(slots, await this.languages.codes()),
    );
  }
}
