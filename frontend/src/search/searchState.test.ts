import { describe, expect, it } from 'vitest';
import { searchResult } from '../test/fixtures';
import { linkOf, MAX_PAGES, searchQueryOf } from './searchState';

const pagesOf = (...resources: string[]) => (resource: string) => resources.includes(resource);

describe('where a result leads', () => {
    const rating = (status: string) =>
        searchResult({ type: 'rating', typeLabel: '评价', id: 'r1', caseId: 'c1', status });

    it("takes an applicant to their rating's page", () => {
        expect(linkOf(rating('GOOD'), pagesOf('cases', 'ratings', 'licences'))).toBe('/ratings/r1/show');
    });

    it("takes staff to a bad rating's rectification, and to a good rating's case", () => {
        const manager = pagesOf('cases', 'rectifications', 'licences');
        expect(linkOf(rating('BAD'), manager)).toBe('/rectifications/r1/show');
        expect(linkOf(rating('CLOSED'), manager)).toBe('/rectifications/r1/show');
        expect(linkOf(rating('GOOD'), manager)).toBe('/cases/c1/show');
        // a department lead has no case pages
        expect(linkOf(rating('GOOD'), pagesOf('rectifications'))).toBeUndefined();
    });

    it('leads nowhere without a page for it (an administrator)', () => {
        for (const type of ['case', 'task', 'rating', 'licence'] as const) {
            expect(linkOf(searchResult({ type }), pagesOf())).toBeUndefined();
        }
    });

    it("escapes ids: a licence's number", () => {
        expect(linkOf(searchResult({ type: 'licence', id: 'ZJ/1 2' }), pagesOf('licences'))).toBe(
            '/licences/ZJ%2F1%202/show',
        );
    });
});

describe('the search of an address', () => {
    it('takes the words, filters and dates given, and a 1-based page as a 0-based one', () => {
        expect(searchQueryOf(new URLSearchParams('q=出生&type=case&status=&from=2026-11-01&page=3'))).toEqual({
            q: '出生',
            type: 'case',
            department: undefined,
            status: undefined,
            from: '2026-11-01',
            to: undefined,
            page: 2,
            size: 20,
        });
    });

    it('asks for the first page on a page that is no page, and for no page past the index limit', () => {
        expect(searchQueryOf(new URLSearchParams('page=abc')).page).toBe(0);
        expect(searchQueryOf(new URLSearchParams('page=-1')).page).toBe(0);
        expect(searchQueryOf(new URLSearchParams('page=100000')).page).toBe(MAX_PAGES - 1);
    });
});
