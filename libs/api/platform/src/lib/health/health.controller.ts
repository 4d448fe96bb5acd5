import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthResponse, HealthStatus } from '@border-academy/shared-contracts';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

import { Public } from '../access/public.decorator';
import { APP_VERSION } from '../bootstrap/app-version';

class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty({ required: false, description: 'Round trip of a trivial query' })
  latencyMs?: number;
}

class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: HealthStatus;

  @ApiProperty()
  version!: string;

  @ApiProperty()
  uptimeSeconds!: number;

  @ApiProperty({ type: DatabaseHealthDto })
  database!: DatabaseHealthDto;
}

const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: HealthResponseDto, description: 'The API and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'The database is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const started = performance.now();
    const databaseUp = await this.probeDatabase();
    const health: HealthResponse = {
      status: databaseUp ? 'ok' : 'error',
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      database: databaseUp
        ? { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10 }
        : { status: 'down' },
    };
    reply.header('cache-control', 'no-store');
    if (!databaseUp) reply.status(503);
    return health;
  }

  private async probeDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    const probe = this.dataSource.isInitialized
      ? this.dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
