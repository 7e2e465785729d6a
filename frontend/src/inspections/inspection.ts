import type { InspectionOpenStep, InspectionSummary } from '../types';

// The platform keeps Beijing time (ClockConfig.BEIJING); China has no daylight saving time.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant's Beijing wall clock as "YYYY-MM-DDTHH:mm". */
export const beijingLocal = (instant: string) =>
    new Date(Date.parse(instant) + BEIJING_OFFSET_MS).toISOString().slice(0, 16);

/** An instant as a visit time reads: "2026-11-25 09:30" (Beijing time). */
export const visitTime = (instant: string) => beijingLocal(instant).replace('T', ' ');

/** The Beijing day of an instant: "2026-11-25". */
export const beijingDay = (instant: string) => beijingLocal(instant).slice(0, 10);

/** A time typed as "YYYY-MM-DDTHH:mm" (a datetime-local input), in Beijing time, as an instant with its offset. */
export const fromBeijingLocal = (local: string) => `${local.slice(0, 16)}:00+08:00`;

/** The start of a Beijing day ("YYYY-MM-DD") as an instant in UTC (the API's from / to). */
export const beijingDayStart = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS).toISOString().replace('.000Z', 'Z');

/** The steps of the inspection the user takes now: those of their own departments (the API gives their task). */
export const myOpenSteps = (inspection: Pick<InspectionSummary, 'openSteps'>) =>
    inspection.openSteps.filter((step): step is InspectionOpenStep & { taskId: string } => !!step.taskId);

/** The steps other departments have to take. */
export const othersOpenSteps = (inspection: Pick<InspectionSummary, 'openSteps'>) =>
    inspection.openSteps.filter(step => !step.taskId);

/** The entries of a multi-line text, one per line, trimmed, without blank lines. */
export const lines = (text?: string | null) =>
    (text ?? '')
        .split('\n')
        .map(line => line.trim())
        .filter(Boolean);

/**
 * A validation problem's errors of a list's entries ("issues.2", "photos.0") put on the input holding the list
 * (entries counted from 1): the form has one input for the whole list.
 */
export const onListInputs = (errors: Record<string, unknown>) => {
    const merged: Record<string, unknown> = {};
    for (const [path, message] of Object.entries(errors)) {
        const entry = /^(\w+)\.(\d+)$/.exec(path);
        const key = entry ? entry[1] : path;
        const text = entry ? `第 ${Number(entry[2]) + 1} 条：${message}` : message;
        merged[key] = merged[key] && key !== 'root' ? `${merged[key]}；${text}` : text;
    }
    return merged;
};
