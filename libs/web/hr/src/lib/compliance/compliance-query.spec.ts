import { complianceFilters, complianceQueryFrom, complianceUrlQuery, isFiltered } from './compliance-query';

describe('the compliance query', () => {
  it('takes the filters, order and page of the URL, and drops values that are not allowed', () => {
    expect(
      complianceQueryFrom({
        unitId: ' u1 ',
        positionId: 'p1',
        area: 'MIGRATION',
        status: 'expired',
        q: '  nurlan ',
        sort: '-gaps',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      unitId: 'u1',
      positionId: 'p1',
      area: 'MIGRATION',
      status: 'expired',
      q: 'nurlan',
      sort: '-gaps',
      page: 3,
      pageSize: 50,
    });
    expect(
      complianceQueryFrom({
        area: 'SPACE',
        status: 'lost',
        sort: 'age',
        page: '-1',
        pageSize: '5000',
        q: '  ',
      }),
    ).toEqual({
      unitId: undefined,
      positionId: undefined,
      area: undefined,
      status: undefined,
      q: undefined,
      sort: 'name',
      page: 1,
      pageSize: 20,
    });
  });

  it('keeps the URL short: the default order, first page and page size are left out', () => {
    expect(complianceUrlQuery(complianceQueryFrom({}))).toEqual({});
    expect(
      complianceUrlQuery(complianceQueryFrom({ unitId: 'u1', status: 'missing', sort: 'unit', page: '2' })),
    ).toEqual({ unitId: 'u1', status: 'missing', sort: 'unit', page: '2' });
    expect(complianceUrlQuery(complianceQueryFrom({ pageSize: '100' }))).toEqual({ pageSize: '100' });
  });

  it('reads back what it wrote', () => {
    const query = complianceQueryFrom({
      positionId: 'p1',
      area: 'TRADE',
      q: 'khorgos',
      sort: '-name',
      page: '4',
    });
    expect(complianceQueryFrom(complianceUrlQuery(query))).toEqual(query);
  });

  it('gives the counts and exports the filters without the page or order', () => {
    const query = complianceQueryFrom({
      unitId: 'u1',
      area: 'IBM',
      sort: '-gaps',
      page: '2',
      pageSize: '50',
    });
    expect(complianceFilters(query)).toEqual({
      unitId: 'u1',
      positionId: undefined,
      area: 'IBM',
      status: undefined,
      q: undefined,
    });
  });

  it('tells a filtered matrix from the whole scope; order and page do not filter', () => {
    expect(isFiltered(complianceQueryFrom({ sort: '-gaps', page: '2' }))).toBe(false);
    expect(isFiltered(complianceQueryFrom({ status: 'expiring' }))).toBe(true);
    expect(isFiltered(complianceQueryFrom({ q: 'kz.officer' }))).toBe(true);
  });
});
