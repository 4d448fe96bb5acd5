import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { HealthResponse } from '@border-academy/shared-contracts';

export type PlatformState = 'loading' | 'ok' | 'degraded' | 'unreachable';

/** The platform status as a card: checking, working, partly working, or out of reach with a retry. */
@Component({
  selector: 'ba-health-status-card',
  imports: [MatButtonModule, MatCardModule, MatProgressBarModule, TranslocoPipe],
  templateUrl: './health-status-card.html',
  styleUrl: './health-status-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthStatusCard {
  readonly state = input.required<PlatformState>();
  readonly health = input<HealthResponse>();
  readonly retry = output<void>();
}
