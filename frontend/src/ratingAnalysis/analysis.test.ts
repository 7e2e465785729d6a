import { describe, expect, it } from 'vitest';
import { backTo, beijingToday, drillInto, paramsOf, quickPeriod, quickPeriodOf, stateOf } from './analysis';

describe('好差评分析 helpers', () => {
    it('counts days in Beijing time', () => {
        // 2026-11-24 01:00 in Beijing is still the 23rd in UTC
        expect(beijingToday(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
        expect(beijingToday(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    });

    it('gives the quick periods up to today, both ends included, within the 366 days the server allows', () => {
        expect(quickPeriod('week', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
        expect(quickPeriod('month', '2026-03-03')).toEqual({ from: '2026-02-02', to: '2026-03-03' });
        expect(quickPeriod('year', '2026-11-24')).toEqual({ from: '2025-11-25', to: '2026-11-24' });
        expect(quickPeriod('year', '2028-02-29')).toEqual({ from: '2027-03-02', to: '2028-02-29' });
        expect(quickPeriodOf('2026-11-18', '2026-11-24', '2026-11-24')).toBe('week');
        expect(quickPeriodOf('2026-11-01', '2026-11-24', '2026-11-24')).toBeUndefined();
    });

    it('keeps the groups chosen in the order they were chosen, and goes back to any of them', () => {
        const state = stateOf(new URLSearchParams('by=officer&channel=CASE&department=hospital&bad=true'));
        expect(state.crumbs).toEqual([
            { dimension: 'channel', key: 'CASE' },
            { dimension: 'department', key: 'hospital' },
        ]);
        const officer = drillInto(state, 'officer', '王医生');
        expect(officer).toMatchObject({ by: 'officer', bad: false });
        expect(paramsOf(officer).toString()).toBe(
            new URLSearchParams('by=officer&channel=CASE&department=hospital&officer=王医生').toString(),
        );
        expect(backTo(officer, 0)).toMatchObject({ by: 'department', crumbs: [{ dimension: 'channel', key: 'CASE' }] });
        expect(backTo(officer, -1)).toMatchObject({ by: 'channel', crumbs: [] });
        // an unknown dimension is the default
        expect(stateOf(new URLSearchParams('by=nonsense')).by).toBe('department');
    });
});
