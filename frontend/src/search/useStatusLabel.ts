import { useTranslate } from 'react-admin';

/**
 * Where a status code is named: first the search's own names (tasks, ratings without a rectification, and a
 * closed rectification, which would otherwise read like a completed case), then the pages' maps of cases,
 * rectifications and licences. The four types' codes differ, so the code alone says which.
 */
const STATUS_MESSAGES = [
    'onething.search.status',
    'onething.status.case',
    'onething.rectification.status',
    'onething.licence.status',
];

/** A status code of the search in words; an unknown one as it is. */
export const useStatusLabel = () => {
    const translate = useTranslate();
    return (code: string) =>
        STATUS_MESSAGES.map(messages => translate(`${messages}.${code}`, { _: '' })).find(Boolean) ?? code;
};
