import { render } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { inspectionRecord } from '../test/fixtures';
import { InspectionHistory } from './InspectionDetail';

describe('InspectionHistory', () => {
    it('waits for the detail when the list summary stands in for it (opened from the list)', () => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { findings, answers, ...summary } = inspectionRecord({});
        const { container } = render(
            <RecordContextProvider value={summary}>
                <InspectionHistory />
            </RecordContextProvider>
        );
        expect(container).toBeEmptyDOMElement();
    });
});
