import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  ModuleMetadata,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';

import { DatabaseSettings } from './data-source';
import { Database } from './database';

export interface DatabaseModuleOptions extends DatabaseSettings {
  /** Apply the pending seed steps after the migrations. */
  seed: boolean;
}

export interface DatabaseModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => DatabaseModuleOptions;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

/** Owns the database for the application's lifetime: opened before the server listens, closed after it stops. */
@Injectable()
export class DatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private database: Database | null = null;

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions) {}

  async open(): Promise<DataSource> {
    const database = await Database.connect(this.options, this.logger);
    this.database = database;
    try {
      await database.migrate(this.logger);
      if (this.options.seed) await database.seed(this.logger);
    } catch (error) {
      await this.onApplicationShutdown();
      throw error;
    }
    return database.dataSource;
  }

  async onApplicationShutdown(): Promise<void> {
    const database = this.database;
    this.database = null;
    if (database) {
      await database.close();
      this.logger.log('Database closed');
    }
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: options.imports ?? [],
      providers: [
        { provide: DATABASE_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] },
        DatabaseLifecycle,
        {
          provide: DataSource,
          useFactory: (lifecycle: DatabaseLifecycle) => lifecycle.open(),
          inject: [DatabaseLifecycle],
        },
      ],
      exports: [DataSource],
    };
  }
}
