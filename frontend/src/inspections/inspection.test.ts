import { describe, expect, it } from 'vitest';
import { beijingDay, beijingDayStart, fromBeijingLocal, lines, onListInputs, visitTime } from './inspection';

describe('inspection helpers', () => {
    it('read and write Beijing time whatever the browser’s zone', () => {
        expect(visitTime('2026-11-25T01:30:00Z')).toBe('2026-11-25 09:30');
        expect(beijingDay('2026-11-26T17:00:00Z')).toBe('2026-11-27');
        expect(fromBeijingLocal('2026-11-26T14:00')).toBe('2026-11-26T14:00:00+08:00');
        expect(beijingDayStart('2026-11-02')).toBe('2026-11-01T16:00:00Z');
    });

    it('split issues into lines, and put the errors of single entries on the list’s input', () => {
        expect(lines(' 一 \n\n二\n')).toEqual(['一', '二']);
        expect(
            onListInputs({
                'issues.0': '每条不符合项不超过 200 字',
                'issues.2': '每条不符合项不超过 200 字',
                comment: '意见不能超过 1000 字',
                root: { serverError: '有 3 处需要修改' },
            }),
        ).toEqual({
            issues: '第 1 条：每条不符合项不超过 200 字；第 3 条：每条不符合项不超过 200 字',
            comment: '意见不能超过 1000 字',
            root: { serverError: '有 3 处需要修改' },
        });
    });
});
