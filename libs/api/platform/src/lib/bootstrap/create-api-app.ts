import { createSecretKey } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import {
  DynamicModule,
  Logger as NestLogger,
  Module,
  RequestMethod,
  Type,
  VersioningType,
} from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DatabaseModule } from '@border-academy/api-db';
import helmet from 'helmet';
import { Logger, LoggerModule } from 'nestjs-pino';

import { AccessGuard } from '../access/access.guard';
import { PrincipalCache } from '../access/principal-cache';
import { BenchController } from '../bench/bench.controller';
import { ApiConfig, loadApiConfig } from '../config/api-config';
import { HealthController } from '../health/health.controller';
import { REQUEST_ID_HEADER, loggerParams, requestIdFor } from '../logging/logging';
import { DatabaseNotifications } from '../notifications/database-notifications';
import { PersonalDataRegistry } from '../privacy/personal-data-registry';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { createValidationPipe } from '../problem/validation';
import { serveWebApp } from '../web/web-app';
import { APP_VERSION } from './app-version';
import { decideSecureCookies } from './secure-cookies';
import { exitGracefullyOnSignals, refuseRequestsWhileClosing } from './graceful-shutdown';

export interface CreateApiAppOptions {
  /** Defaults to the configuration read from process.env. */
  config?: ApiConfig;
  /** The domain modules (org, identity, ...) that make up the API. */
  features: Type[];
  /**
   * On SIGTERM/SIGINT, finish the requests in flight, close the server, the database and PostgreSQL,
   * and exit the process; off in tests.
   */
  shutdownHooks?: boolean;
}

@Module({})
class ApiRootModule {
  static forRoot(config: ApiConfig, features: Type[]): DynamicModule {
    return {
      module: ApiRootModule,
      imports: [
        LoggerModule.forRoot({
          ...loggerParams(config),
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: config.DATABASE_URL,
            dataDir: config.DATA_DIR,
            embeddedPort: config.EMBEDDED_PG_PORT,
            embeddedDatabase: config.EMBEDDED_PG_DATABASE,
            logQueries: config.LOG_SQL,
            seed: config.seedDemoData,
          }),
        }),
        JwtModule.register({
          global: true,
          // a key object: given the secret as a string, jsonwebtoken first tries to read it as a PEM
          // public key on every verification, which cost a third of a guarded request's CPU
          secret: createSecretKey(Buffer.from(config.APP_SECRET)),
          signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        ...features,
      ],
      // the benchmark's pair of routes exists only when asked for
      controllers: [HealthController, ...(config.BENCH_ROUTES ? [BenchController] : [])],
      providers: [
        { provide: ApiConfig, useValue: config },
        { provide: APP_GUARD, useClass: AccessGuard },
        PersonalDataRegistry,
        DatabaseNotifications,
        PrincipalCache,
      ],
      exports: [ApiConfig, PersonalDataRegistry, DatabaseNotifications, PrincipalCache],
      global: true,
    };
  }
}

/** Access tokens are short-lived: a stolen one is useful briefly, and refresh re-checks the session. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // no event-handler attributes at all: the web app's build inlines no critical CSS (whose stylesheet
  // link would load through onload="…"), see apps/web/project.json
  scriptSrcAttr: ["'none'"],
  // Angular (and Swagger UI) set inline styles; scripts stay external only
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // the app may be served over plain HTTP on an internal network; upgrading would break its assets
  upgradeInsecureRequests: null,
};

/**
 * The headers helmet sets, worked out once: with this configuration they depend on nothing in the
 * request (no nonces), so every response gets the same object (the @fastify/helmet plugin built
 * helmet's middleware again for every request, which showed in profiles).
 */
function staticSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  };
  let failure: unknown;
  helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => (failure = error),
  );
  if (failure) throw failure;
  return headers;
}

/**
 * Builds the whole API (the same way for `main.ts` and for the tests): Fastify, logging, security
 * headers, `/api/v1` routing, validation, problem+json errors, OpenAPI, the database (migrated and
 * seeded before this resolves) and the web app. The result is initialised but not listening.
 */
export async function createApiApp(options: CreateApiAppOptions): Promise<NestFastifyApplication> {
  const config = options.config ?? loadApiConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // a request arriving during shutdown is refused by refuseRequestsWhileClosing, as problem+json
    return503OnClosing: false,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const id = requestIdFor(request);
      (request as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiRootModule.forRoot(config, options.features),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  try {
    app.useLogger(app.get(Logger));
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
    const closing = refuseRequestsWhileClosing(app);
    decideSecureCookies(fastify, config);

    await app.register(cookie);
    const securityHeaders = staticSecurityHeaders();
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });
    app.setGlobalPrefix('api');
    app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
    app.useGlobalPipes(createValidationPipe());
    // Nest also routes Fastify's own errors (body parsing, size limits, unknown routes) through this filter
    app.useGlobalFilters(new ProblemDetailsFilter());

    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Border Academy API')
        .setDescription('Errors are RFC 9457 problem details (application/problem+json).')
        .setVersion(APP_VERSION)
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

    if (await serveWebApp(app, config.WEB_DIST_DIR)) {
      new NestLogger('WebApp').log(`Serving the web app from ${config.WEB_DIST_DIR}`);
    }
    if (options.shutdownHooks) exitGracefullyOnSignals(app, closing, config.SHUTDOWN_GRACE_SECONDS * 1000);
    await app.init();
    await fastify.ready();
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}
