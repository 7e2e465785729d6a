import { Alert, AlertTitle, Box, Chip, type ChipProps, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CreditGrade, EnterpriseCredit } from '../types';

// A green, B blue, C orange, D red: the word 「A 级」 says it too
const GRADE_COLORS: Record<CreditGrade, ChipProps['color']> = {
    A: 'success',
    B: 'info',
    C: 'warning',
    D: 'error',
};

export const CREDIT_GRADES = Object.keys(GRADE_COLORS) as CreditGrade[];

/** A credit grade: 「A 级」 … 「D 级」, coloured, with its rule as the tooltip. */
export const CreditGradeChip = ({ grade, size = 'small' }: { grade: CreditGrade; size?: ChipProps['size'] }) => {
    const translate = useTranslate();
    return (
        <Chip
            size={size}
            color={GRADE_COLORS[grade]}
            label={translate('onething.credit.grade', { grade })}
            title={translate(`onething.credit.rule.${grade}`)}
            data-grade={grade}
            sx={size === 'medium' ? { fontSize: '1.25rem', fontWeight: 'bold', px: 1 } : undefined}
        />
    );
};

/** The grade of the enterprise in context, as a Datagrid field. */
export const CreditGradeField = (_: { label?: string }) => {
    const credit = useRecordContext<EnterpriseCredit>();
    return credit ? <CreditGradeChip grade={credit.grade} /> : null;
};

/** How the grade is given (the backend's rule), worst first: D 承诺不实或许可被撤销 … A 其他. */
export const GradeRule = () => {
    const translate = useTranslate();
    return (
        <Alert severity="info" sx={{ m: 1 }} role="note">
            <AlertTitle>{translate('onething.credit.rule.title')}</AlertTitle>
            <Stack component="ul" spacing={0.5} sx={{ m: 0, p: 0, listStyle: 'none' }}>
                {[...CREDIT_GRADES].reverse().map(grade => (
                    <Stack component="li" key={grade} direction="row" spacing={1} alignItems="center">
                        <CreditGradeChip grade={grade} />
                        <Box component="span">{translate(`onething.credit.rule.${grade}`)}</Box>
                    </Stack>
                ))}
            </Stack>
        </Alert>
    );
};
