import { useGetOne, type UseGetOneOptions } from 'react-admin';
import type { BundleDetail } from '../types';

/** A bundle's definition (field labels, material names, the items' fields and materials), once loaded. */
export const useBundle = (code?: string, options?: UseGetOneOptions<BundleDetail>) =>
    useGetOne<BundleDetail>('bundles', { id: code ?? '' }, { enabled: !!code, ...options }).data;
