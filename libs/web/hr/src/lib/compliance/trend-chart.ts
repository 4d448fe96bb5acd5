import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComplianceTrendPoint, ThematicArea } from '@border-academy/shared-contracts';
import { LanguagePreference } from '@border-academy/web-i18n';

import { AREA_LABELS, formatDate } from '../shared/labels';
import { PlotBox, linePath, trendChartData } from './trend-series';

const BOX: PlotBox = { left: 40, top: 10, width: 540, height: 180 };
const GRID = [0, 25, 50, 75, 100];

/** Each area's line differs in colour and in dash pattern, so that it is told apart without colour too. */
const LINE_STYLES: Record<ThematicArea, { colour: string; dash: string }> = {
  IBM: { colour: '#1a56a8', dash: '' },
  MIGRATION: { colour: '#9c2a00', dash: '8 4' },
  TRADE: { colour: '#186b2f', dash: '2 3' },
};

let nextId = 0;

/**
 * The share of required qualifications held over time, a line per thematic area, drawn as inline SVG
 * (described by its title and the legend) with the same figures as a table that the user can show.
 */
@Component({
  selector: 'ba-trend-chart',
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    @let chart = data();
    @if (chart.days.length === 0) {
      <p class="empty" role="status">{{ 'hr.trend.empty' | transloco }}</p>
    } @else {
      <figure>
        <svg role="img" viewBox="0 0 600 220" data-testid="trend-chart" [attr.aria-labelledby]="titleId">
          <title [id]="titleId">
            {{ 'hr.trend.chartTitle' | transloco: { from: first(), to: last() } }}
          </title>
          @for (line of grid; track line) {
            <line
              class="grid"
              [attr.x1]="box.left"
              [attr.x2]="box.left + box.width"
              [attr.y1]="y(line)"
              [attr.y2]="y(line)"
            />
            <text class="axis" [attr.x]="box.left - 6" [attr.y]="y(line) + 4" text-anchor="end">
              {{ line }}%
            </text>
          }
          <text class="axis" [attr.x]="box.left" [attr.y]="box.top + box.height + 20">{{ first() }}</text>
          <text
            class="axis"
            [attr.x]="box.left + box.width"
            [attr.y]="box.top + box.height + 20"
            text-anchor="end"
          >
            {{ last() }}
          </text>
          @for (line of lines(); track line.area) {
            <path
              class="line"
              [attr.d]="line.path"
              [attr.stroke]="line.colour"
              [attr.stroke-dasharray]="line.dash || null"
            />
          }
        </svg>
        <figcaption>
          <ul class="legend">
            @for (line of lines(); track line.area) {
              <li>
                <svg aria-hidden="true" focusable="false" width="32" height="10" viewBox="0 0 32 10">
                  <line
                    x1="0"
                    x2="32"
                    y1="5"
                    y2="5"
                    stroke-width="3"
                    [attr.stroke]="line.colour"
                    [attr.stroke-dasharray]="line.dash || null"
                  />
                </svg>
                {{ areaLabels[line.area] | transloco }}
                @if (line.latest !== null) {
                  <span class="latest">{{ 'hr.trend.latest' | transloco: { percent: line.latest } }}</span>
                }
              </li>
            }
          </ul>
        </figcaption>
      </figure>
      <button
        mat-button
        type="button"
        data-testid="trend-table-toggle"
        [attr.aria-expanded]="tableShown()"
        [attr.aria-controls]="tableId"
        (click)="tableShown.set(!tableShown())"
      >
        {{ (tableShown() ? 'hr.trend.hideTable' : 'hr.trend.showTable') | transloco }}
      </button>
      <div class="table-scroll" [id]="tableId" [hidden]="!tableShown()">
        @if (tableShown()) {
          <table>
            <caption>
              {{
                'hr.trend.tableCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'hr.trend.day' | transloco }}</th>
                @for (series of chart.series; track series.area) {
                  <th scope="col">{{ areaLabels[series.area] | transloco }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (day of chart.days; track day; let index = $index) {
                <tr>
                  <th scope="row">{{ date(day) }}</th>
                  @for (series of chart.series; track series.area) {
                    @let value = series.values[index];
                    <td>
                      @if (value.percent === null) {
                        —
                      } @else {
                        {{
                          'hr.trend.cell'
                            | transloco
                              : { percent: value.percent, held: value.held, required: value.required }
                        }}
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    figure {
      margin: 0;
    }
    svg[role='img'] {
      display: block;
      width: 100%;
      max-width: 40rem;
      height: auto;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
      stroke-width: 1;
    }
    .axis {
      fill: var(--mat-sys-on-surface-variant);
      font-size: 11px;
    }
    .line {
      fill: none;
      stroke-width: 2.5;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1.25rem;
      margin: 0.5rem 0;
      padding: 0;
      list-style: none;
    }
    .latest {
      color: var(--mat-sys-on-surface-variant);
    }
    .table-scroll {
      overflow-x: auto;
      max-height: 20rem;
      overflow-y: auto;
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
    }
    th,
    td {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly points = input.required<ComplianceTrendPoint[]>();

  private readonly language = inject(LanguagePreference).active;
  protected readonly box = BOX;
  protected readonly grid = GRID;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly titleId = `ba-trend-title-${nextId}`;
  protected readonly tableId = `ba-trend-table-${nextId++}`;
  protected readonly tableShown = signal(false);

  protected readonly data = computed(() => trendChartData(this.points()));
  protected readonly lines = computed(() =>
    this.data().series.map((series) => {
      const values = series.values.map((value) => value.percent);
      const known = values.filter((value): value is number => value !== null);
      return {
        area: series.area,
        ...LINE_STYLES[series.area],
        path: linePath(values, BOX),
        latest: known.length > 0 ? known[known.length - 1] : null,
      };
    }),
  );
  protected readonly first = computed(() => this.date(this.data().days[0]));
  protected readonly last = computed(() => this.date(this.data().days[this.data().days.length - 1]));

  protected y(percent: number): number {
    return BOX.top + BOX.height * (1 - percent / 100);
  }

  protected date(day: string | undefined): string {
    return formatDate(day, this.language());
  }
}
