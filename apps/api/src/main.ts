import { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { demoSignInsTable } from '@border-academy/api-db';
import { ApiConfig, ConfigValidationError, createApiApp, loadApiConfig } from '@border-academy/api-platform';

import { API_FEATURES } from './features';

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
  const app = await createApiApp({ config, features: API_FEATURES, shutdownHooks: true });
  await app.listen({ port: config.PORT, host: config.HOST });
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  // the port the server got, which differs from PORT=0 (any free port)
  const { port } = app.getHttpServer().address() as AddressInfo;
  if (!config.isProduction && config.seedDemoData) {
    logger.log(`Demo sign-ins (development data only):\n${demoSignInsTable()}`);
  }
  logger.log(`Border Academy is ready at http://${host}:${port} (API docs: http://${host}:${port}/api/docs)`);
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
