import { Alert, List, ListItemButton, ListItemText, ListSubheader, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ModelProblem, ModelValidation } from '../types';

const ProblemGroup = ({
    title,
    problems,
    color,
    onSelect,
}: {
    title: string;
    problems: ModelProblem[];
    color: string;
    onSelect: (elementId: string) => void;
}) => {
    const translate = useTranslate();
    if (problems.length === 0) return null;
    return (
        <List dense aria-label={title} subheader={<ListSubheader sx={{ color }}>{title}</ListSubheader>}>
            {problems.map((problem, index) => (
                <ListItemButton
                    key={`${problem.elementId}-${problem.rule}-${index}`}
                    // a problem of the whole model has no element to show
                    disabled={!problem.elementId}
                    onClick={() => problem.elementId && onSelect(problem.elementId)}
                    sx={{ borderLeft: 3, borderColor: color, mb: 0.5 }}
                >
                    <ListItemText
                        primary={problem.message}
                        secondary={problem.elementId ?? translate('onething.model.editor.whole_model')}
                    />
                </ListItemButton>
            ))}
        </List>
    );
};

/**
 * 检查结果: the model's errors and warnings; clicking one shows its element on the diagram (`onSelect`).
 */
export const ProblemList = ({
    validation,
    onSelect,
}: {
    validation: ModelValidation | null;
    onSelect: (elementId: string) => void;
}) => {
    const translate = useTranslate();
    if (!validation) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('onething.model.editor.not_checked')}
            </Typography>
        );
    }
    if (validation.errors.length === 0 && validation.warnings.length === 0) {
        return <Alert severity="success">{translate('onething.model.editor.clean')}</Alert>;
    }
    return (
        <>
            <ProblemGroup
                title={translate('onething.model.editor.errors', { smart_count: validation.errors.length })}
                problems={validation.errors}
                color="error.main"
                onSelect={onSelect}
            />
            <ProblemGroup
                title={translate('onething.model.editor.warnings', { smart_count: validation.warnings.length })}
                problems={validation.warnings}
                color="warning.main"
                onSelect={onSelect}
            />
        </>
    );
};
