import {
    Card,
    Chip,
    List,
    ListItemButton,
    ListItemText,
    ListSubheader,
    Stack,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SearchAnswer, SearchFacet } from '../types';
import { DATES, FILTERS, type SearchFilter } from './searchState';
import { useStatusLabel } from './useStatusLabel';


type Facets = SearchAnswer['facets'];

/** A facet value's name: a status in words, the others as the answer names them (else the value itself). */
const useValueLabel = (facets?: Facets) => {
    const statusLabel = useStatusLabel();
    return (facet: SearchFacet, value: string) =>
        facet === 'status'
            ? statusLabel(value)
            : (facets?.[facet]?.find(bucket => bucket.value === value)?.label ?? value);
};

/** A value and its count, on one line. */
const Bucket = ({ label, count }: { label: string; count: number }) => (
    <>
        <ListItemText primary={label} />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            {count}
        </Typography>
    </>
);

/**
 * The facets of the matches, each value with its count: a click on a value filters by it (pressed), another
 * click takes the filter off.
 */
export const SearchFacets = ({
    facets,
    selected,
    onToggle,
}: {
    facets: Facets;
    selected: (name: string) => string | null;
    onToggle: (facet: SearchFilter, value: string) => void;
}) => {
    const translate = useTranslate();
    const labelOf = useValueLabel(facets);
    const shown = FILTERS.filter(facet => facets[facet]?.length);
    if (!shown.length) return null;
    return (
        <Card component="section" aria-label={translate('onething.search.facets')}>
            {shown.map(facet => {
                const title = translate(`onething.search.facet.${facet}`);
                return (
                    <List
                        key={facet}
                        dense
                        aria-label={title}
                        subheader={<ListSubheader disableSticky>{title}</ListSubheader>}
                    >
                        {facets[facet].map(({ value, count }) => {
                            const label = labelOf(facet, value);
                            const name = translate('onething.search.facet_value', { label, count });
                            const active = selected(facet) === value;
                            return (
                                <ListItemButton
                                    key={value}
                                    selected={active}
                                    aria-pressed={active}
                                    aria-label={name}
                                    onClick={() => onToggle(facet, value)}
                                >
                                    <Bucket label={label} count={count} />
                                </ListItemButton>
                            );
                        })}
                    </List>
                );
            })}
        </Card>
    );
};

/** The filters in force (facet values and dates) as chips; a click on one takes it off. */
export const ActiveFilters = ({
    facets,
    selected,
    onRemove,
}: {
    facets?: Facets;
    selected: (name: string) => string | null;
    onRemove: (name: string) => void;
}) => {
    const translate = useTranslate();
    const labelOf = useValueLabel(facets);
    const chips = [...FILTERS, ...DATES].flatMap(name => {
        const value = selected(name);
        if (!value) return [];
        const label =
            name === 'from' || name === 'to'
                ? translate(`onething.search.chip_${name}`, { date: value })
                : translate('onething.search.chip', {
                      facet: translate(`onething.search.facet.${name}`),
                      label: labelOf(name, value),
                  });
        return [{ name, label }];
    });
    if (!chips.length) return null;
    return (
        <Stack
            direction="row"
            useFlexGap
            flexWrap="wrap"
            gap={1}
            role="group"
            aria-label={translate('onething.search.active_filters')}
            sx={{ mt: 2 }}
        >
            {chips.map(({ name, label }) => (
                <Chip
                    key={name}
                    label={label}
                    aria-label={translate('onething.search.remove_filter', { label })}
                    onClick={() => onRemove(name)}
                    onDelete={() => onRemove(name)}
                />
            ))}
        </Stack>
    );
};
