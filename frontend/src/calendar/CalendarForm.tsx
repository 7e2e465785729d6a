import { Typography } from '@mui/material';
import { useMemo } from 'react';
import {
    ArrayInput,
    DateInput,
    NumberInput,
    required,
    SaveButton,
    SimpleForm,
    SimpleFormIterator,
    TextInput,
    Toolbar,
    useGetList,
    useTranslate,
} from 'react-admin';
import { FormErrorSummary } from '../form/FormErrorSummary';
import type { CalendarYear } from '../types';
import { calendarInputLabel } from './calendarForm';

const requiredInput = [required()];

// the inputs of one holiday side by side, each as wide as a date
const narrow = { width: 180, flexShrink: 0 };

/** A holiday ends on or after the day it begins. */
const notBeforeFrom = (value: string, values: { holidays?: { from?: string }[] }, props: { finalSource?: string }) => {
    const index = Number(props.finalSource?.split('.')[1]);
    const from = values.holidays?.[index]?.from;
    return value && from && value < from ? 'onething.calendar.to_before_from' : undefined;
};
const toValidators = [required(), notBeforeFrom];

/** A new year: a plausible year that has no calendar yet (an existing one is edited, not replaced). */
const plausibleYear = (value: unknown) =>
    value != null && (!Number.isInteger(Number(value)) || Number(value) < 2000 || Number(value) > 2100)
        ? 'onething.calendar.year_range'
        : undefined;

const useYearValidators = () => {
    const { data: years } = useGetList<CalendarYear>('calendar');
    return useMemo(
        () => [
            required(),
            plausibleYear,
            (value: unknown) =>
                years?.some(year => year.year === Number(value)) ? 'onething.calendar.year_exists' : undefined,
        ],
        [years]
    );
};

const YearInput = () => <NumberInput source="year" validate={useYearValidators()} step={1} />;

const CalendarToolbar = () => (
    <Toolbar>
        <SaveButton alwaysEnable />
    </Toolbar>
);

/**
 * The holiday arrangement of a year: where it was published (发布依据) and each holiday with its days off
 * (from – to) and the weekend days worked instead (调休上班). `isNew`: the year is asked for too. The server's
 * errors show next to their inputs and all together at the top.
 */
export const CalendarForm = ({ isNew = false }: { isNew?: boolean }) => {
    const translate = useTranslate();
    return (
        <SimpleForm toolbar={<CalendarToolbar />}>
            <FormErrorSummary labels={calendarInputLabel(translate)} />
            {isNew && <YearInput />}
            <TextInput source="source" validate={requiredInput} fullWidth multiline />
            <Typography variant="subtitle1" component="h2">
                {translate('resources.calendar.fields.holidays')}
            </Typography>
            <ArrayInput source="holidays" label={false}>
                <SimpleFormIterator inline disableReordering getItemLabel={index => `${index + 1}.`}>
                    <TextInput
                        source="name"
                        label="resources.calendar.fields.name"
                        validate={requiredInput}
                        sx={narrow}
                    />
                    <DateInput
                        source="from"
                        label="resources.calendar.fields.from"
                        validate={requiredInput}
                        sx={narrow}
                    />
                    <DateInput source="to" label="resources.calendar.fields.to" validate={toValidators} sx={narrow} />
                    <ArrayInput source="worked" label="resources.calendar.fields.worked">
                        <SimpleFormIterator inline disableReordering disableClear>
                            <DateInput source="" label="onething.calendar.worked_date" sx={narrow} />
                        </SimpleFormIterator>
                    </ArrayInput>
                </SimpleFormIterator>
            </ArrayInput>
        </SimpleForm>
    );
};
