import SendIcon from '@mui/icons-material/Send';
import { Alert, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { Form, SaveButton } from 'react-admin';

/**
 * The form of one step on a record's page (差评整改, 联合踏勘): its inputs, the server's refusal if any, the submit
 * button. `record` holds the form's own values (not the page's record, whose comment is somebody else's).
 */
export const ActionForm = ({
    onSubmit,
    problem,
    record,
    submitLabel,
    children,
}: {
    onSubmit: (values: any) => Promise<unknown>;
    problem: string | null;
    record: Record<string, unknown>;
    submitLabel: string;
    children: ReactNode;
}) => (
    <Form onSubmit={onSubmit} record={record}>
        <Box sx={{ px: 2, maxWidth: 720 }}>
            {problem && (
                <Alert severity="error" sx={{ my: 1 }}>
                    {problem}
                </Alert>
            )}
            {children}
            <SaveButton label={submitLabel} icon={<SendIcon />} alwaysEnable />
        </Box>
    </Form>
);
