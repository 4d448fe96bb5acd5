import { Module } from '@nestjs/common';
import { AuditModule } from '@border-academy/api-audit';

@Module({
  imports: [AuditModule],
  controllers: [],
  providers: [],
})
export class AuthoringModule {}
