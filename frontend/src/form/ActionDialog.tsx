import SendIcon from '@mui/icons-material/Send';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { Form, SaveButton, useTranslate } from 'react-admin';

/**
 * A form in a dialog (评价, 监管结果): the title, the server's refusal if any, the inputs, 取消 and the submit
 * button. `record` holds the form's own starting values.
 */
export const ActionDialog = ({
    title,
    onClose,
    onSubmit,
    problem,
    record,
    submitLabel,
    children,
}: {
    title: string;
    onClose: () => void;
    onSubmit: (values: any) => Promise<unknown>;
    problem: string | null;
    record: Record<string, unknown>;
    submitLabel: string;
    children: ReactNode;
}) => {
    const translate = useTranslate();
    const titleId = useId();
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
            <Form onSubmit={onSubmit} record={record}>
                <DialogTitle id={titleId}>{title}</DialogTitle>
                <DialogContent>
                    {problem && (
                        <Alert severity="error" sx={{ mb: 2 }}>
                            {problem}
                        </Alert>
                    )}
                    {children}
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label={submitLabel} icon={<SendIcon />} alwaysEnable />
                </DialogActions>
            </Form>
        </Dialog>
    );
};
