import { Alert, Box, Card, Grid, LinearProgress, Pagination, Stack, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type HttpError, Loading, Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { problemByInputs } from '../errors';
import type { SearchAnswer } from '../types';
import { ActiveFilters, SearchFacets } from './SearchFacets';
import { SearchField } from './SearchField';
import { SearchResults } from './SearchResults';
import { DATES, MAX_PAGES, searchQueryOf, withParams } from './searchState';

/** 上一页, 下一页, 转到第 N 页 in react-admin's words. */
const usePageLabel = () => {
    const translate = useTranslate();
    return (type: string, page: number | null, selected: boolean) =>
        type === 'page'
            ? translate(selected ? 'ra.navigation.current_page' : 'ra.navigation.page', { page })
            : translate(`ra.navigation.${type}`);
};

/**
 * The results of a search: the words and a period, the filters in force as chips, the facets beside the
 * results grouped by type, 20 a page. Everything is in the address (/search?q=出生&type=case&page=2), so reload
 * and back work. Bad words or dates are said by their inputs; a search that is away (503) says so, the rest of
 * the platform works on.
 */
export const SearchPage = () => {
    const translate = useTranslate();
    const pageLabel = usePageLabel();
    const dataProvider = useOneThingDataProvider();
    const [params, setParams] = useSearchParams();
    const query = searchQueryOf(params);
    const { data, error, isPending, isFetching } = useQuery<SearchAnswer, HttpError>({
        queryKey: ['search', query],
        queryFn: () => dataProvider.search(query),
        // the last answer stays while the next page or filter loads
        placeholderData: keepPreviousData,
        retry: false,
    });
    const change = (changes: Record<string, string | undefined>) => setParams(withParams(params, changes));
    const selected = (name: string) => params.get(name);
    const problem = problemByInputs(error, ['q', ...DATES]);
    const pages = data ? Math.min(Math.ceil(data.total / data.size), MAX_PAGES) : 0;

    return (
        <Box sx={{ mt: 2, mb: 4 }}>
            <Title title="onething.search.title" />
            <Card sx={{ p: 2 }}>
                <Stack direction={{ xs: 'column', md: 'row' }} gap={2} alignItems="flex-start">
                    <Box sx={{ flex: 1, width: '100%' }}>
                        <SearchField
                            key={query.q ?? ''}
                            label={translate('onething.search.query')}
                            initial={query.q ?? ''}
                            error={problem.byField('q')}
                            onSearch={q => change({ q })}
                        />
                    </Box>
                    {DATES.map(name => (
                        <TextField
                            key={name}
                            type="date"
                            size="small"
                            label={translate(`onething.search.${name}`)}
                            value={params.get(name) ?? ''}
                            onChange={event => change({ [name]: event.target.value || undefined })}
                            error={!!problem.byField(name)}
                            helperText={problem.byField(name)}
                            slotProps={{ inputLabel: { shrink: true } }}
                            sx={{ width: 180 }}
                        />
                    ))}
                </Stack>
                <ActiveFilters facets={data?.facets} selected={selected} onRemove={name => change({ [name]: undefined })} />
            </Card>
            {data?.degraded && (
                <Alert severity="warning" sx={{ mt: 2 }}>
                    {translate('onething.search.degraded')}
                </Alert>
            )}
            {problem.other ? (
                <Alert severity="error" sx={{ mt: 2 }}>
                    {problem.other}
                </Alert>
            ) : isPending ? (
                <Loading />
            ) : (
                data && (
                    <Grid container spacing={2} sx={{ mt: 2 }}>
                        <Grid size={{ xs: 12, md: 3 }}>
                            <SearchFacets
                                facets={data.facets}
                                selected={selected}
                                onToggle={(facet, value) =>
                                    change({ [facet]: selected(facet) === value ? undefined : value })
                                }
                            />
                        </Grid>
                        <Grid size={{ xs: 12, md: 9 }}>
                            <Card>
                                {isFetching && <LinearProgress aria-label={translate('onething.search.searching')} />}
                                {data.total > 0 && (
                                    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 2 }}>
                                        {translate('onething.search.total', { total: data.total })}
                                    </Typography>
                                )}
                                <SearchResults answer={data} />
                                {pages > 1 && (
                                    <Pagination
                                        count={pages}
                                        page={(query.page ?? 0) + 1}
                                        onChange={(_, page) => {
                                            change({ page: String(page) });
                                            window.scrollTo(0, 0);
                                        }}
                                        getItemAriaLabel={pageLabel}
                                        sx={{ p: 2, display: 'flex', justifyContent: 'center' }}
                                    />
                                )}
                            </Card>
                        </Grid>
                    </Grid>
                )
            )}
        </Box>
    );
};
