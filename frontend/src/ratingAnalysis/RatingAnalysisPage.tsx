import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';

// the charts (@mui/x-charts) are only needed here: the page is a chunk of its own, loaded when first opened
const RatingAnalysis = lazy(() => import('./RatingAnalysis'));

/** 好差评分析, loaded on demand. */
export const RatingAnalysisPage = () => (
    <Suspense fallback={<Loading />}>
        <RatingAnalysis />
    </Suspense>
);
