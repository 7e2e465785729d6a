import { Box, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import { Link, useResourceDefinitions, useTranslate } from 'react-admin';
import { EmptyList } from '../layout/ListParts';
import { Section } from '../ratings/RatingDetail';
import type { SearchAnswer, SearchResult } from '../types';
import { Highlighted, plainText } from './Highlighted';
import { linkOf } from './searchState';
import { useStatusLabel } from './useStatusLabel';

/**
 * One result: its title (a link to its page, if the user has one) and summary — highlighted where the index
 * highlighted them whole — the other highlighted fragments, its 一件事, departments and date.
 */
const ResultItem = ({ result, link }: { result: SearchResult; link?: string }) => {
    const translate = useTranslate();
    const statusLabel = useStatusLabel();
    const { title, summary, highlights, bundleName, departmentNames, at, status } = result;
    const titleMark = highlights.find(fragment => plainText(fragment) === title);
    const summaryMark = highlights.find(fragment => plainText(fragment) === summary);
    const fragments = highlights.filter(fragment => fragment !== titleMark && fragment !== summaryMark);
    const titleText = titleMark ? <Highlighted fragment={titleMark} /> : title;
    const facts = [
        bundleName && translate('onething.search.bundle', { name: bundleName }),
        departmentNames.length > 0 && translate('onething.search.departments', { names: departmentNames.join('、') }),
        at && new Date(at).toLocaleDateString('zh-CN'),
    ].filter(Boolean);
    return (
        <ListItem divider sx={{ display: 'block', px: 2 }}>
            <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="subtitle1" component="h3">
                    {link ? <Link to={link}>{titleText}</Link> : titleText}
                </Typography>
                {status && <Chip size="small" variant="outlined" label={statusLabel(status)} />}
            </Stack>
            <Typography variant="body2">{summaryMark ? <Highlighted fragment={summaryMark} /> : summary}</Typography>
            {fragments.length > 0 && (
                <Typography variant="body2" color="text.secondary">
                    {fragments.map((fragment, index) => (
                        <Box component="span" key={index}>
                            {index > 0 && ' … '}
                            <Highlighted fragment={fragment} />
                        </Box>
                    ))}
                </Typography>
            )}
            <Typography variant="caption" color="text.secondary">
                {facts.join(' · ')}
            </Typography>
        </ListItem>
    );
};

/** A page of results grouped by type (办件, 待办, 评价, 证照) in the order of the type facet, each with its count. */
export const SearchResults = ({ answer }: { answer: SearchAnswer }) => {
    const translate = useTranslate();
    const resources = useResourceDefinitions();
    const hasPage = (resource: string) => !!resources[resource]?.hasShow;
    if (!answer.items.length) return <EmptyList text="onething.search.empty" />;
    return answer.facets.type
        .map(bucket => ({ bucket, items: answer.items.filter(item => item.type === bucket.value) }))
        .filter(({ items }) => items.length)
        .map(({ bucket, items }) => (
            <Section
                key={bucket.value}
                title={translate('onething.search.section', { label: bucket.label, count: bucket.count })}
            >
                <List>
                    {items.map(result => (
                        <ResultItem key={result.id} result={result} link={linkOf(result, hasPage)} />
                    ))}
                </List>
            </Section>
        ));
};
