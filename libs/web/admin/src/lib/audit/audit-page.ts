import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder until the section's page lands. */
@Component({
  selector: 'ba-audit-page',
  imports: [TranslocoPipe],
  template: `<h2>{{ 'admin.audit.heading' | transloco }}</h2>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {}
