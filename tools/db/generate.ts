import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { log, withDatabase } from './with-database';

const MIGRATIONS_DIR = join(__dirname, '..', '..', 'libs', 'api', 'db', 'src', 'migrations');

function indent(queries: { query: string; parameters?: unknown[] }[]): string {
  return queries
    .map(({ query, parameters }) => {
      const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
      return `    await queryRunner.query(\`${query.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\`${args});`;
    })
    .join('\n');
}

/**
 * Writes a migration with the SQL that brings the (migrated) database in line with the entities,
 * named `<timestamp>-<VerbObject>.ts`, and registers it in migrations/index.ts.
 */
export default async function generate([name]: string[]): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: generate <VerbObject>, e.g. generate AddUserEmail');
  }
  await withDatabase(async (database) => {
    await database.migrate(log);
    const sql = await database.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      log.log('The entities match the schema; no migration written');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const fileName = `${timestamp}-${name}`;
    const file = join(MIGRATIONS_DIR, `${fileName}.ts`);
    if (existsSync(file)) throw new Error(`${file} exists already`);
    await writeFile(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${indent(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${indent([...sql.downQueries].reverse())}
  }
}
`,
    );
    const indexFile = join(MIGRATIONS_DIR, 'index.ts');
    const index = await readFile(indexFile, 'utf8');
    const withImport = index.replace(/(\n\n\/\*\*)/, `\nimport { ${className} } from './${fileName}';$1`);
    const registered = withImport.replace(/\];\s*$/, `, ${className}];\n`);
    await writeFile(indexFile, registered);
    log.log(`Wrote ${file}; review it, then run the migrate command`);
  });
}
