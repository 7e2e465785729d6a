import { Box, Typography } from '@mui/material';
import {
    DateField,
    FunctionField,
    NumberField,
    Show,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { FactsRow } from '../cases/FactsRow';
import { usePageRecordOptions } from '../errors';
import { Section } from '../ratings/RatingDetail';
import type { SupervisionDraw } from '../types';
import { DrawCandidates, GradeWeights } from './DrawCandidates';
import { DrawReplay } from './DrawReplay';

const DrawTitle = () => {
    const draw = useRecordContext<SupervisionDraw>();
    const translate = useTranslate();
    return draw ? translate('onething.draw.title', { at: new Date(draw.drawnAt).toLocaleString('zh-CN') }) : null;
};

/** The draw's weights, result and population: what anybody needs to check it. */
const DrawDetail = () => {
    const draw = useRecordContext<SupervisionDraw>();
    const translate = useTranslate();
    if (!draw) return null;
    return (
        <>
            <Section title={translate('onething.draw.weights')}>
                <Box sx={{ px: 2 }}>
                    <Typography variant="body2" color="text.secondary">
                        {translate('onething.draw.weights_hint')}
                    </Typography>
                    <GradeWeights population={draw.population} drawn={draw.drawn} />
                </Box>
            </Section>
            <Section title={translate('onething.draw.drawn')}>
                <DrawCandidates candidates={draw.drawn} label={translate('onething.draw.drawn')} ordered />
            </Section>
            <DrawReplay />
            <Section title={translate('onething.draw.population')}>
                <DrawCandidates
                    candidates={draw.population}
                    label={translate('onething.draw.population')}
                    weighted
                />
            </Section>
        </>
    );
};

/**
 * One 双随机抽查 draw: who drew when, among which enterprises (a department's holders or all), the seed and the
 * grades' weights, the enterprises drawn in order; 复核 replays it on the server.
 */
export const DrawShow = () => {
    const translate = useTranslate();
    return (
        <Show title={<DrawTitle />} queryOptions={usePageRecordOptions('draws')} actions={false}>
            <FactsRow>
                <DateField source="drawnAt" label="resources.draws.fields.drawnAt" showTime />
                <TextField source="drawnBy" label="resources.draws.fields.drawnBy" />
                <TextField
                    source="departmentName"
                    label="resources.draws.fields.departmentName"
                    emptyText="onething.draw.all_departments"
                />
                <NumberField source="count" label="resources.draws.fields.count" />
                <FunctionField<SupervisionDraw>
                    label="resources.draws.fields.seed"
                    // a seed is an identifier to retype, not a quantity: no thousands separators
                    render={draw => String(draw.seed)}
                />
                <FunctionField<SupervisionDraw>
                    label="resources.draws.fields.population"
                    render={draw => translate('onething.draw.population_size', { count: draw.population.length })}
                />
            </FactsRow>
            <DrawDetail />
        </Show>
    );
};
