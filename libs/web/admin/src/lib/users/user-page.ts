import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Placeholder until the section's page lands. */
@Component({
  selector: 'ba-user-page',
  imports: [TranslocoPipe],
  template: `<h2>{{ 'admin.user.heading' | transloco }}</h2>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserPage {}
