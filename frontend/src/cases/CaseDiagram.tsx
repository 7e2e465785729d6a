import { Alert, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { useEffect, useRef } from 'react';
import { Loading, useRecordContext, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { CaseDetail } from '../types';
import './CaseDiagram.css';

const LegendEntry = ({ className, label }: { className: string; label: string }) => (
    <Stack direction="row" spacing={1} alignItems="center">
        <Box className={`oth-legend ${className}`} />
        <Typography variant="body2">{label}</Typography>
    </Stack>
);

/**
 * The case's process instance in Camunda, drawn with bpmn-js (loaded only with this component):
 * the activities running now and those completed are marked, and refreshed while the page is open.
 */
const CaseDiagram = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const container = useRef<HTMLDivElement>(null);
    const { data, error } = useQuery({
        queryKey: ['cases', record?.id, 'diagram'],
        queryFn: () => dataProvider.caseDiagram(record!.id),
        enabled: !!record,
        refetchInterval: 15_000,
    });

    useEffect(() => {
        if (!data || !container.current) return;
        const viewer = new NavigatedViewer({ container: container.current });
        viewer.importXML(data.xml).then(() => {
            const canvas = viewer.get<{
                zoom(level: string): void;
                addMarker(id: string, marker: string): void;
            }>('canvas');
            canvas.zoom('fit-viewport');
            data.completedActivityIds.forEach(id => canvas.addMarker(id, 'oth-completed'));
            data.activeActivityIds.forEach(id => canvas.addMarker(id, 'oth-active'));
        });
        return () => viewer.destroy();
    }, [data]);

    if (error) return <Alert severity="error">{translate('onething.diagram.error')}</Alert>;
    if (!data) return <Loading />;
    return (
        <Box>
            <Stack direction="row" spacing={3} sx={{ mb: 1 }}>
                <LegendEntry className="oth-active" label={translate('onething.diagram.legend_active')} />
                <LegendEntry className="oth-completed" label={translate('onething.diagram.legend_completed')} />
            </Stack>
            <Box
                ref={container}
                role="img"
                aria-label={translate('onething.case.diagram')}
                sx={{ height: 480, border: 1, borderColor: 'divider', borderRadius: 1 }}
            />
        </Box>
    );
};

export default CaseDiagram;
