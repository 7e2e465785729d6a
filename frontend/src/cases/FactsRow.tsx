import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { SimpleShowLayout, SimpleShowLayoutClasses, useTranslate } from 'react-admin';

/** A record's key facts side by side, each field labelled. */
export const FactsRow = ({ children }: { children: ReactNode }) => (
    <SimpleShowLayout
        spacing={0}
        sx={{ [`& .${SimpleShowLayoutClasses.stack}`]: { flexDirection: 'row', flexWrap: 'wrap', gap: 4 } }}
    >
        {children}
    </SimpleShowLayout>
);

/** One labelled fact outside a record's fields (a label key and what to show). */
export const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box>
            <Typography variant="caption" color="text.secondary" component="div">
                {translate(label)}
            </Typography>
            <Box component="div" sx={{ typography: 'body2' }}>
                {children}
            </Box>
        </Box>
    );
};
