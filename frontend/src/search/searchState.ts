import type { SearchFacet, SearchQuery, SearchResult } from '../types';

/** Results per page. */
export const PAGE_SIZE = 20;

/** Elasticsearch gives no hit past its 10 000th (index.max_result_window): later pages cannot be asked for. */
export const MAX_PAGES = 10_000 / PAGE_SIZE;

/** The longest query the API takes. */
export const MAX_QUERY = 100;

/** The facets the API filters by. */
export const FILTERS = ['type', 'department', 'status', 'bundle'] as const satisfies readonly SearchFacet[];

export type SearchFilter = (typeof FILTERS)[number];

/** The dates bounding the results' `at`. */
export const DATES = ['from', 'to'] as const;

/**
 * The search an address asks for (/search?q=出生&department=hospital&from=2026-11-01&page=2): its page is 1-based,
 * the API's 0-based.
 */
export const searchQueryOf = (params: URLSearchParams): SearchQuery => {
    const page = Number(params.get('page'));
    return {
        ...Object.fromEntries(
            ['q', ...FILTERS, ...DATES].map(name => [name, params.get(name) || undefined]),
        ),
        page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) - 1 : 0,
        size: PAGE_SIZE,
    };
};

/** The address with some parameters changed (undefined: removed); any change but the page's goes back to page 1. */
export const withParams = (params: URLSearchParams, changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
        if (value) next.set(name, value);
        else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    return next;
};

/** The results page of a search from the app bar: its words, no filters. */
export const searchPath = (q: string) => (q ? `/search?${new URLSearchParams({ q })}` : '/search');

/**
 * The page a result opens, among those the user has (`hasPage`: a resource with a show page): a task's own page
 * for officers, else its case's; the applicant's rating page, a bad rating's rectification for staff, else the
 * rating's case (which lists its ratings). Nothing when the user has no such page (an administrator).
 */
export const linkOf = (result: SearchResult, hasPage: (resource: string) => boolean): string | undefined => {
    const page = (resource: string, id: string | null) =>
        id && hasPage(resource) ? `/${resource}/${encodeURIComponent(id)}/show` : undefined;
    switch (result.type) {
        case 'case':
            return page('cases', result.id);
        case 'task':
            return page('tasks', result.id) ?? page('cases', result.caseId);
        case 'rating':
            return (
                page('ratings', result.id) ??
                (result.status === 'GOOD' ? undefined : page('rectifications', result.id)) ??
                page('cases', result.caseId)
            );
        case 'licence':
            return page('licences', result.id);
    }
};
