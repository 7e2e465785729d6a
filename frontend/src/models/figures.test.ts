import { describe, expect, it } from 'vitest';
import type { ElementFigures } from '../types';
import { badgeOf, heatOf } from './figures';

const f = (activityId: string, averageMillis: number | null, running = 0, completed = 0, overdue = 0): ElementFigures => ({
    activityId,
    running,
    completed,
    overdue,
    averageMillis,
});

describe('figures on the diagram', () => {
    it('shows running, completed and overdue, leaving out zeros', () => {
        expect(badgeOf(f('a', null, 2, 0, 1))).toBe('在办 2 · 超期 1');
        expect(badgeOf(f('a', 10, 0, 5))).toBe('完成 5');
        expect(badgeOf(f('a', null))).toBe('');
    });

    it('splits the elements with a time into thirds from quickest to slowest', () => {
        const heat = heatOf([f('slow', 9000), f('quick', 10), f('none', null), f('middle', 500)]);
        expect(heat.get('quick')).toBe('low');
        expect(heat.get('middle')).toBe('mid');
        expect(heat.get('slow')).toBe('high');
        expect(heat.has('none')).toBe(false);
        expect(heatOf([f('only', 5)]).get('only')).toBe('mid');
    });
});
