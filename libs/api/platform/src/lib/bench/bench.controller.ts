import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { LocalizedText } from '@border-academy/shared-contracts';
import { IsUUID, Matches } from 'class-validator';
import { DataSource } from 'typeorm';

import { Access, AccessContext } from '../access/access-context';
import { Allow } from '../access/allow.decorator';
import { inScopeSql } from '../access/policy';
import { Public } from '../access/public.decorator';
import { ApiProblemResponses } from '../problem/api-problem-responses';

class BenchUnitParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

const PATH = '[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)*';

class BenchScopeQueryDto {
  @ApiProperty({
    description: 'The org-unit paths the guarded route would take from the caller, comma-separated (1 to 10)',
    example: 'kz,kg',
  })
  @Matches(new RegExp(`^${PATH}(?:,${PATH}){0,9}$`), {
    message: 'must be 1 to 10 org-unit paths, comma-separated',
  })
  scope!: string;
}

class BenchUnitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  name!: LocalizedText;
}

/**
 * Two routes with one body, for the benchmark of the access check's cost (`BENCH_ROUTES=true`, off by
 * default): one behind the full guard (token, principal, role and org scope), one open that is handed
 * the same scope in its query. Both read one org unit inside the scope, the reference data that every
 * signed-in person may read anyway; nothing else is reachable through them.
 */
@ApiTags('bench')
@ApiProblemResponses(400, 404, 500, 503)
@Controller('bench')
export class BenchController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('guarded/org-units/:id')
  @Allow('compliance:read')
  @ApiBearerAuth()
  @ApiProblemResponses(401, 403)
  @ApiOperation({ summary: "Only with BENCH_ROUTES=true: an org unit inside the caller's HR or admin scope" })
  @ApiOkResponse({ type: BenchUnitDto })
  guarded(@Access() access: AccessContext, @Param() params: BenchUnitParamDto): Promise<BenchUnitDto> {
    return this.unitInScope(params.id, access.scope ?? []);
  }

  @Get('open/org-units/:id')
  @Public()
  @ApiOperation({ summary: 'Only with BENCH_ROUTES=true: the same read, unguarded, inside the scope given' })
  @ApiOkResponse({ type: BenchUnitDto })
  open(@Param() params: BenchUnitParamDto, @Query() query: BenchScopeQueryDto): Promise<BenchUnitDto> {
    return this.unitInScope(params.id, query.scope.split(','));
  }

  private async unitInScope(id: string, scope: string[]): Promise<BenchUnitDto> {
    const rows: BenchUnitDto[] = await this.dataSource.query(
      `SELECT o.id, o.name FROM org_unit o WHERE o.id = $1 AND ${inScopeSql('o.path', '$2')}`,
      [id, scope],
    );
    const unit = rows[0];
    if (!unit) throw new NotFoundException('No such org unit in the scope');
    return unit;
  }
}
