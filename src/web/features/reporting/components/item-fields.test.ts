import { describe, expect, it } from 'vitest';
import type { OutcomeReport } from '../../../../contracts/reports';
import { formValuesOf, parseItemForm } from './item-fields';
import { contributingItemCounts, parseCount, parseItemPath } from './report-model';

const messages = { required: 'required', notYen: 'not yen', notYear: 'not year', notFy: 'not fy' };

describe('parseItemForm', () => {
  it('turns a patent form into a body, dropping a granted date once the status is "applied"', () => {
    const result = parseItemForm(
      'patent',
      {
        title: ' 新規センサ ',
        applicationNumber: '特願2003-123456',
        filingDate: '2003-05-01',
        country: 'JP',
        patentStatus: 'applied',
        grantedDate: '2004-01-01',
        ownerKind: 'university',
        ownerName: '',
        note: '',
      },
      messages,
    );
    expect(result).toEqual({
      ok: true,
      body: {
        kind: 'patent',
        title: '新規センサ',
        applicationNumber: '特願2003-123456',
        filingDate: '2003-05-01',
        country: 'JP',
        patentStatus: 'applied',
        grantedDate: null,
        ownerKind: 'university',
        ownerName: null,
        note: null,
      },
    });
  });

  it('names every missing required field the way the server does', () => {
    const result = parseItemForm(
      'paper',
      { title: 'x', authors: '', venue: '', pubYear: '', scope: '' },
      messages,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'body.authors': 'required',
        'body.venue': 'required',
        'body.pubYear': 'required',
        'body.scope': 'required',
      },
    });
  });

  it('reads yen in 千円 and fiscal years in the Japanese calendar, and refuses what it cannot read', () => {
    const ok = parseItemForm(
      'transfer',
      {
        title: 't',
        programmeName: 'p',
        funder: 'JST',
        amountYen: '1,500千円',
        periodFromFy: '平成16年度',
        periodToFy: '',
      },
      messages,
    );
    expect(ok.ok && ok.body).toMatchObject({ amountYen: 1_500_000, periodFromFy: 2004, periodToFy: null });
    const bad = parseItemForm(
      'transfer',
      { title: 't', programmeName: 'p', funder: 'JST', amountYen: 'lots', periodFromFy: 'soon' },
      messages,
    );
    expect(bad).toEqual({
      ok: false,
      errors: { 'body.amountYen': 'not yen', 'body.periodFromFy': 'not fy' },
    });
  });

  it('requires a granted date for a granted patent', () => {
    const result = parseItemForm(
      'patent',
      {
        title: 'x',
        applicationNumber: 'a',
        filingDate: '2003-05-01',
        country: 'JP',
        patentStatus: 'granted',
        ownerKind: 'company',
      },
      messages,
    );
    expect(result).toEqual({ ok: false, errors: { 'body.grantedDate': 'required' } });
  });

  it('starts a new patent in Japan and fills an edit form from the item', () => {
    expect(formValuesOf(null, 'patent').country).toBe('JP');
    const values = formValuesOf(
      {
        kind: 'paper',
        title: 'T',
        pubYear: 2004,
        scope: 'abroad',
        id: 1,
        reportId: 1,
        fiscalYear: 2004,
        version: 1,
      },
      'paper',
    );
    expect(values).toMatchObject({ title: 'T', pubYear: '2004', scope: 'abroad', doi: '' });
  });
});

describe('report-model', () => {
  it('parses counts with full-width digits and separators only', () => {
    expect(parseCount('１,２３４')).toBe(1234);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('1.5')).toBeNull();
    expect(parseCount('')).toBeNull();
  });

  it('splits item issue paths', () => {
    expect(parseItemPath('items.3.grantedDate')).toEqual({ index: 3, field: 'grantedDate' });
    expect(parseItemPath('items.0')).toEqual({ index: 0, field: null });
    expect(parseItemPath('values.sales')).toBeNull();
  });

  it('counts only the items that add to an indicator in the report year', () => {
    const base = { reportId: 1, fiscalYear: 2004, version: 1 };
    const report = {
      fyFrom: 2004,
      fyTo: 2004,
      items: [
        { ...base, id: 1, kind: 'paper', title: 'a', scope: 'abroad' },
        { ...base, id: 2, kind: 'paper', title: 'b', scope: 'domestic' },
        {
          ...base,
          id: 3,
          kind: 'patent',
          title: 'c',
          country: 'JP',
          filingDate: '2003-06-01',
          patentStatus: 'granted',
          grantedDate: '2004-07-01',
        },
      ],
    } as unknown as OutcomeReport;
    expect(contributingItemCounts(report)).toEqual({
      papers_abroad: 1,
      papers_domestic: 1,
      patents_domestic_acquired: 1,
    });
  });
});
