import { Logger } from '@nestjs/common';
import { ApiConfig, ConfigValidationError, createApiApp, loadApiConfig } from '@border-academy/api-platform';
import { IdentityModule } from '@border-academy/api-identity';
import { OrgModule } from '@border-academy/api-org';

const logger = new Logger('Main');

function readConfig(): ApiConfig {
  try {
    return loadApiConfig();
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      logger.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = await createApiApp({ config, features: [IdentityModule, OrgModule], shutdownHooks: true });
  await app.listen({ port: config.PORT, host: config.HOST });
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  logger.log(
    `Border Academy is ready at http://${host}:${config.PORT} (API docs: http://${host}:${config.PORT}/api/docs)`,
  );
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
