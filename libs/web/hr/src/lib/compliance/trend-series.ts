import { ComplianceTrendPoint, THEMATIC_AREAS, ThematicArea } from '@border-academy/shared-contracts';

/** One day of an area's line: the share of required qualifications held, in percent (null: none required). */
export interface TrendValue {
  day: string;
  held: number;
  required: number;
  percent: number | null;
}

export interface TrendSeries {
  area: ThematicArea;
  values: TrendValue[];
}

/** The chart's data: every day that has a point (oldest first) and a line per area, in the areas' order. */
export interface TrendChartData {
  days: string[];
  series: TrendSeries[];
}

/** A share in percent with one decimal; null where nothing is required, which is neither 0 nor 100. */
export function heldPercent(held: number, required: number): number | null {
  if (required <= 0) return null;
  return Math.round((1000 * Math.min(held, required)) / required) / 10;
}

/**
 * Groups the server's points into one line per area over the same days. A day an area has no point
 * for stays a gap (null), so a line never invents a value.
 */
export function trendChartData(points: readonly ComplianceTrendPoint[]): TrendChartData {
  const days = [...new Set(points.map((point) => point.day))].sort();
  const byArea = new Map<ThematicArea, Map<string, ComplianceTrendPoint>>();
  for (const point of points) {
    const area = byArea.get(point.area) ?? new Map<string, ComplianceTrendPoint>();
    area.set(point.day, point);
    byArea.set(point.area, area);
  }
  const series = THEMATIC_AREAS.filter((area) => byArea.has(area)).map((area) => ({
    area,
    values: days.map((day): TrendValue => {
      const point = byArea.get(area)?.get(day);
      return point
        ? {
            day,
            held: point.held,
            required: point.required,
            percent: heldPercent(point.held, point.required),
          }
        : { day, held: 0, required: 0, percent: null };
    }),
  }));
  return { days, series };
}

/** The plotting area of the chart, in SVG units. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The SVG path of a line: x spreads the days evenly over the box, y runs from 0 % at the bottom to 100 %
 * at the top; a gap (null) lifts the pen, so the line restarts after it.
 */
export function linePath(values: readonly (number | null)[], box: PlotBox): string {
  const step = values.length > 1 ? box.width / (values.length - 1) : 0;
  const commands: string[] = [];
  let penDown = false;
  values.forEach((value, index) => {
    if (value === null) {
      penDown = false;
      return;
    }
    const x = box.left + (values.length > 1 ? index * step : box.width / 2);
    const y = box.top + box.height * (1 - value / 100);
    commands.push(`${penDown ? 'L' : 'M'}${round(x)} ${round(y)}`);
    penDown = true;
  });
  return commands.join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
