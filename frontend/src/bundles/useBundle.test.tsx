import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { CoreAdminContext, type DataProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { birthBundle } from '../test/fixtures';
import { useBundle } from './useBundle';

// The 办事指南 list seeds react-admin's record cache with bundle summaries (no fields, materials, items).
const summary = { id: 'birth', code: 'birth', name: '出生一件事', description: '', promisedDays: 5, itemCount: 2 };

const withBundle = (bundle: object) => {
    let answer: (value: { data: object }) => void = () => undefined;
    const dataProvider = {
        getOne: () => new Promise(resolve => (answer = resolve)),
    } as unknown as DataProvider;
    const wrapper = ({ children }: { children: ReactNode }) => (
        <CoreAdminContext dataProvider={dataProvider}>{children}</CoreAdminContext>
    );
    const hook = renderHook(() => useBundle('birth', { placeholderData: summary as never }), { wrapper });
    return { hook, answer: () => answer({ data: bundle }) };
};

describe('useBundle', () => {
    it('gives no definition while only the summary of the list is known', async () => {
        const { hook, answer } = withBundle(birthBundle);
        expect(hook.result.current).toBeUndefined();
        answer();
        await waitFor(() => expect(hook.result.current?.items).toHaveLength(birthBundle.items.length));
    });

    it('never hands out a summary as a definition', async () => {
        const { hook, answer } = withBundle(summary);
        answer();
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(hook.result.current).toBeUndefined();
    });
});
