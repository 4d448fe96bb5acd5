import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuditModule } from '@border-academy/api-audit';
import { USER_IMPORT_MAX_BYTES } from '@border-academy/shared-contracts';
import { FastifyInstance } from 'fastify';

import { UserImportController } from './user-import.controller';
import { UserImportRepository } from './user-import.repository';
import { UserImportService } from './user-import.service';

export const USER_IMPORT_MEDIA_TYPE = 'application/octet-stream';

/** Bulk import of users from CSV and XLSX files: upload and dry run, preview, commit. */
@Module({
  imports: [AuditModule],
  controllers: [UserImportController],
  providers: [UserImportRepository, UserImportService],
})
export class UserImportModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** A file is uploaded as the raw body, which may be larger than the API's limit for JSON bodies. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(USER_IMPORT_MEDIA_TYPE)) return;
    fastify.addContentTypeParser(
      USER_IMPORT_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: USER_IMPORT_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
  }
}
