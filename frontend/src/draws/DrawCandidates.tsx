import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { CreditGradeChip } from '../credit/CreditGrade';
import type { CreditGrade, DrawCandidate } from '../types';

/**
 * Enterprises of a draw with their grades: the drawn ones in draw order (`ordered`), or the population with the
 * weight each grade gave them (`weighted`).
 */
export const DrawCandidates = ({
    candidates,
    label,
    ordered = false,
    weighted = false,
}: {
    candidates: DrawCandidate[];
    label: string;
    ordered?: boolean;
    weighted?: boolean;
}) => {
    const translate = useTranslate();
    return (
        <Table size="small" aria-label={label}>
            <TableHead>
                <TableRow>
                    {ordered && <TableCell>{translate('onething.draw.order')}</TableCell>}
                    <TableCell>{translate('onething.draw.name')}</TableCell>
                    <TableCell>{translate('onething.draw.credit_code')}</TableCell>
                    <TableCell>{translate('onething.draw.grade')}</TableCell>
                    {weighted && <TableCell align="right">{translate('onething.draw.weight')}</TableCell>}
                </TableRow>
            </TableHead>
            <TableBody>
                {candidates.map((candidate, index) => (
                    <TableRow key={candidate.holderId}>
                        {ordered && <TableCell>{index + 1}</TableCell>}
                        <TableCell>{candidate.name}</TableCell>
                        <TableCell>{candidate.creditCode ?? '—'}</TableCell>
                        <TableCell>
                            <CreditGradeChip grade={candidate.grade} />
                        </TableCell>
                        {weighted && <TableCell align="right">{candidate.weight}</TableCell>}
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

export interface GradeWeight {
    grade: CreditGrade;
    weight: number;
    /** enterprises of that grade in the population */
    count: number;
    drawn: number;
}

/** The weight of each grade present in the population (stored with every candidate), worst grade first. */
export const gradeWeights = (population: DrawCandidate[], drawn: DrawCandidate[]): GradeWeight[] => {
    const byGrade = new Map<CreditGrade, GradeWeight>();
    for (const { grade, weight } of population) {
        const row = byGrade.get(grade) ?? { grade, weight, count: 0, drawn: 0 };
        row.count += 1;
        byGrade.set(grade, row);
    }
    for (const { grade } of drawn) {
        const row = byGrade.get(grade);
        if (row) row.drawn += 1;
    }
    return [...byGrade.values()].sort((a, b) => b.grade.localeCompare(a.grade));
};

/** 各等级权重: grade, weight, how many enterprises of that grade were in the population and how many drawn. */
export const GradeWeights = ({ population, drawn }: { population: DrawCandidate[]; drawn: DrawCandidate[] }) => {
    const translate = useTranslate();
    return (
        <Table size="small" aria-label={translate('onething.draw.weights')} sx={{ maxWidth: 560 }}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('onething.draw.grade')}</TableCell>
                    <TableCell align="right">{translate('onething.draw.weight')}</TableCell>
                    <TableCell align="right">{translate('onething.draw.companies')}</TableCell>
                    <TableCell align="right">{translate('onething.draw.drawn_count')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {gradeWeights(population, drawn).map(row => (
                    <TableRow key={row.grade}>
                        <TableCell>
                            <CreditGradeChip grade={row.grade} />
                        </TableCell>
                        <TableCell align="right">{row.weight}</TableCell>
                        <TableCell align="right">{row.count}</TableCell>
                        <TableCell align="right">{row.drawn}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
