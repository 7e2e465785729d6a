import { useGetOne, type UseGetOneOptions } from 'react-admin';
import type { BundleDetail } from '../types';

/** A bundle's definition (field labels, material names, the items' fields and materials), once loaded. */
export const useBundle = (code?: string, options?: UseGetOneOptions<BundleDetail>) => {
    const { data } = useGetOne<BundleDetail>('bundles', { id: code ?? '' }, { enabled: !!code, ...options });
    // react-admin seeds the getOne cache with the rows of 办事指南's list (a Bundle, without the definition)
    // and refetches the definition in the background: until it is there, there is no definition yet
    return data && 'items' in data ? data : undefined;
};
