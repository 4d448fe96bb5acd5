import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { HealthClient } from '@border-academy/web-data-access';
import { HealthStatusCard, PlatformState } from '@border-academy/web-ui';

@Component({
  selector: 'ba-home',
  imports: [HealthStatusCard, TranslocoPipe],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly healthClient = inject(HealthClient);

  protected readonly health = rxResource({ stream: () => this.healthClient.check() });

  protected readonly platformState = computed<PlatformState>(() => {
    if (this.health.isLoading()) return 'loading';
    if (!this.health.hasValue()) return 'unreachable';
    return this.health.value().status === 'ok' ? 'ok' : 'degraded';
  });
}
