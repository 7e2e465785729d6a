import { Chip, Stack, Tab, Tabs } from '@mui/material';
import { useEffect } from 'react';
import { useListContext, useTranslate } from 'react-admin';
import { useMe } from '../auth/useMe';
import type { InboxView } from '../types';
import { INBOX_COUNT_CAP } from '../dataProvider';
import { filtersOf, INBOX_VIEWS, useInboxCounts, viewOf } from './inbox';

/**
 * 我的待办 / 待认领 / 本部门全部 (leads) / 抄送我的 / 我已办结, each with how many tasks it holds under the filters in
 * force. The tab is the list's `view` filter, so it is in the address and in a saved view.
 */
export const InboxTabs = () => {
    const translate = useTranslate();
    const { filterValues, displayedFilters, setFilters, onUnselectItems } = useListContext();
    const view = viewOf(filterValues);
    const { data: me } = useMe();
    const { data: counts } = useInboxCounts(filtersOf(filterValues));
    const views = INBOX_VIEWS.filter(each => each !== 'department' || view === each || me?.roles.includes('lead'));

    // the API lists the old 待办 (mine and unclaimed together) without a view: the tab shown is always the one asked
    useEffect(() => {
        if (filterValues.view !== view) setFilters({ ...filterValues, view }, displayedFilters);
    }, [filterValues, view, displayedFilters, setFilters]);

    const choose = (next: InboxView) => {
        onUnselectItems(); // a selection belongs to the tab it was made in
        setFilters({ ...filterValues, view: next }, displayedFilters);
    };

    return (
        <Tabs
            value={view}
            onChange={(_, next) => choose(next)}
            variant="scrollable"
            aria-label={translate('onething.inbox.tabs')}
            sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
            {views.map(each => {
                const name = translate(`onething.inbox.tab.${each}`);
                const count = counts?.[each];
                // the server stops counting past the cap: "1000+"
                const shown = count != null && count > INBOX_COUNT_CAP ? `${INBOX_COUNT_CAP}+` : count;
                return (
                    <Tab
                        key={each}
                        value={each}
                        aria-label={count == null ? name : translate('onething.inbox.tab_count', { name, count: shown })}
                        label={
                            <Stack direction="row" spacing={1} alignItems="center">
                                <span>{name}</span>
                                {count != null && (
                                    <Chip
                                        size="small"
                                        label={shown}
                                        color={count > 0 && each !== 'done' ? 'primary' : 'default'}
                                    />
                                )}
                            </Stack>
                        }
                    />
                );
            })}
        </Tabs>
    );
};
