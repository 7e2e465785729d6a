import { useRecordContext } from 'react-admin';
import { useBundle } from '../bundles/useBundle';
import type { CaseDetail } from '../types';

/** The definition of the current case's bundle. */
export const useCaseBundle = () => useBundle(useRecordContext<CaseDetail>()?.bundleCode);
