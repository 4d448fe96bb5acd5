export * from './lib/org.module';
export * from './lib/org-unit.service';
