import type { ReactNode } from 'react';
import { SimpleShowLayout, SimpleShowLayoutClasses } from 'react-admin';

/** A record's key facts side by side, each field labelled. */
export const FactsRow = ({ children }: { children: ReactNode }) => (
    <SimpleShowLayout
        spacing={0}
        sx={{ [`& .${SimpleShowLayoutClasses.stack}`]: { flexDirection: 'row', flexWrap: 'wrap', gap: 4 } }}
    >
        {children}
    </SimpleShowLayout>
);
