import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { InboxFilters, InboxView } from '../types';

/** The inbox's tabs, in their order; 本部门全部 only for department leads. */
export const INBOX_VIEWS: readonly InboxView[] = ['mine', 'unclaimed', 'department', 'cc', 'done'];

export const DEFAULT_VIEW: InboxView = 'mine';

/** The tab the list's filter names (the `view` the API gets), 我的待办 when it names none. */
export const viewOf = (filterValues: Record<string, unknown>): InboxView =>
    INBOX_VIEWS.find(view => view === filterValues.view) ?? DEFAULT_VIEW;

/** The inbox's default order, most urgent first (the backend ranks: overdue, due soon, …). */
export const URGENCY_SORT = { field: 'urgency', order: 'ASC' } as const;

/** The filters in force without the tab: what the counts are asked for and a saved view keeps. */
export const filtersOf = ({ view: _, ...filters }: Record<string, unknown>) =>
    Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && value !== '')
    ) as InboxFilters;

/**
 * How many tasks each tab holds under the filters in force; refreshed with the list. The counts of the previous filters
 * stay on the tabs until the new ones are there.
 */
export const useInboxCounts = (filters: InboxFilters) => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({
        queryKey: ['tasks', 'counts', filters],
        queryFn: () => dataProvider.taskCounts(filters),
        placeholderData: keepPreviousData,
    });
};

/** The officers of the task's department, asked once per task (every dialog that picks a colleague shares it). */
export const useColleagues = (taskId: Identifier | undefined) => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({
        queryKey: ['tasks', taskId, 'colleagues'],
        queryFn: () => dataProvider.taskColleagues(taskId!),
        enabled: taskId !== undefined,
    });
};

/** Every department's officers, for 加签 / 会签 (signers may be of any department); asked once a page. */
export const useOfficers = () => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({ queryKey: ['officers'], queryFn: () => dataProvider.officers() });
};
