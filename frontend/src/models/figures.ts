import type { ElementFigures } from '../types';

export type Heat = 'low' | 'mid' | 'high';

/** The figures an element shows on the diagram: 在办 / 已完成 / 超期, leaving out zeros. */
export const badgeOf = (f: ElementFigures): string =>
    [
        f.running > 0 ? `在办 ${f.running}` : null,
        f.completed > 0 ? `完成 ${f.completed}` : null,
        f.overdue > 0 ? `超期 ${f.overdue}` : null,
    ]
        .filter(Boolean)
        .join(' · ');

/**
 * Heat by average time spent: the elements with a time, in three equal thirds from the quickest to the
 * slowest (one element alone is 'mid').
 */
export const heatOf = (figures: ElementFigures[]): Map<string, Heat> => {
    const timed = figures
        .filter((f): f is ElementFigures & { averageMillis: number } => f.averageMillis !== null)
        .sort((a, b) => a.averageMillis - b.averageMillis);
    const heat = new Map<string, Heat>();
    timed.forEach((f, index) => {
        const third = timed.length === 1 ? 1 : Math.min(2, Math.floor((index * 3) / timed.length));
        heat.set(f.activityId, (['low', 'mid', 'high'] as const)[third]);
    });
    return heat;
};
