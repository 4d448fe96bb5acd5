import { ComplianceTrendPoint } from '@border-academy/shared-contracts';

import { heldPercent, linePath, trendChartData } from './trend-series';

function point(day: string, area: ComplianceTrendPoint['area'], held: number, required: number) {
  return { day, area, held, required };
}

describe('the compliance trend', () => {
  it('makes one line per area in the areas’ order over the same days, oldest first', () => {
    const data = trendChartData([
      point('2026-03-02', 'TRADE', 1, 4),
      point('2026-03-01', 'IBM', 3, 4),
      point('2026-03-02', 'IBM', 4, 4),
      point('2026-03-01', 'TRADE', 0, 4),
    ]);
    expect(data.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(data.series.map((series) => series.area)).toEqual(['IBM', 'TRADE']);
    expect(data.series[0].values.map((value) => value.percent)).toEqual([75, 100]);
    expect(data.series[1].values.map((value) => value.percent)).toEqual([0, 25]);
    expect(data.series[1].values[1]).toEqual({ day: '2026-03-02', held: 1, required: 4, percent: 25 });
  });

  it('leaves a gap where an area has no point for a day, rather than inventing one', () => {
    const data = trendChartData([
      point('2026-03-01', 'MIGRATION', 1, 2),
      point('2026-03-02', 'IBM', 1, 1),
      point('2026-03-03', 'MIGRATION', 2, 2),
    ]);
    expect(data.series.find((series) => series.area === 'MIGRATION')?.values.map((v) => v.percent)).toEqual([
      50,
      null,
      100,
    ]);
  });

  it('has no share where nothing is required, and never more than all of it', () => {
    expect(heldPercent(0, 0)).toBeNull();
    expect(heldPercent(2, 3)).toBe(66.7);
    expect(heldPercent(5, 4)).toBe(100);
  });

  it('draws 0 % at the bottom and 100 % at the top, lifting the pen over gaps', () => {
    const box = { left: 10, top: 0, width: 100, height: 50 };
    expect(linePath([0, 50, 100], box)).toBe('M10 50 L60 25 L110 0');
    expect(linePath([100, null, 0, 0], box)).toBe('M10 0 M76.7 50 L110 50');
    expect(linePath([40], box)).toBe('M60 30');
    expect(linePath([], box)).toBe('');
  });
});
