import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachment content is stored under its SHA-256 (`attachments/<hash>`), so the same file uploaded to
 * two courses, or brought in again by a package import, is kept once and several rows share a key.
 */
export class ShareAttachmentContent1765210000000 implements MigrationInterface {
  name = 'ShareAttachmentContent1765210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_attachment_storage_key"`);
    await queryRunner.query(`CREATE INDEX "ix_attachment_storage_key" ON "attachment" ("storage_key")`);
  }

  /** Fails while two rows share content; those rows must be given their own copies first. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_attachment_storage_key"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attachment_storage_key" ON "attachment" ("storage_key")`,
    );
  }
}
