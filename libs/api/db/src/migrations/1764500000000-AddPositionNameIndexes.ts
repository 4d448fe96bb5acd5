import { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue of positions is listed sorted by the name in the reader's language; one index per order. */
export class AddPositionNameIndexes1764500000000 implements MigrationInterface {
  name = 'AddPositionNameIndexes1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_position_name_en" ON "position" (lower("name"->>'en'), "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_position_name_ru" ON "position" (lower(COALESCE("name"->>'ru', "name"->>'en')), "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_position_name_ru"`);
    await queryRunner.query(`DROP INDEX "ix_position_name_en"`);
  }
}
