import SearchIcon from '@mui/icons-material/Search';
import { alpha, IconButton, InputAdornment, type SxProps, TextField, type Theme } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { MAX_QUERY } from './searchState';

/** On the app bar's colour: a light field without a border, the text and the icon in the bar's colour. */
const APP_BAR_SX: SxProps<Theme> = theme => ({
    width: { xs: 160, sm: 240, md: 320 },
    mx: 1,
    '& .MuiOutlinedInput-root': {
        color: 'inherit',
        bgcolor: alpha(theme.palette.common.white, 0.15),
        '& fieldset': { border: 'none' },
    },
    '& .MuiIconButton-root': { color: 'inherit' },
});

/**
 * A search box (a search landmark named `label`): Enter or the search button searches the trimmed words. In the
 * app bar it has no visible label, its input is named by `label` all the same.
 */
export const SearchField = ({
    label,
    initial,
    onSearch,
    error,
    appBar = false,
}: {
    label: string;
    initial: string;
    onSearch: (q: string) => void;
    error?: string;
    appBar?: boolean;
}) => {
    const translate = useTranslate();
    const [text, setText] = useState(initial);
    return (
        <form
            role="search"
            aria-label={label}
            onSubmit={event => {
                event.preventDefault();
                onSearch(text.trim());
            }}
        >
            <TextField
                type="search"
                size="small"
                // the app's inputs are filled; on the app bar a borderless outlined one reads better
                variant={appBar ? 'outlined' : undefined}
                label={appBar ? undefined : label}
                placeholder={translate('onething.search.placeholder')}
                value={text}
                onChange={event => setText(event.target.value)}
                error={!!error}
                helperText={error}
                fullWidth={!appBar}
                sx={appBar ? APP_BAR_SX : undefined}
                slotProps={{
                    htmlInput: { maxLength: MAX_QUERY, ...(appBar && { 'aria-label': label }) },
                    input: {
                        endAdornment: (
                            <InputAdornment position="end">
                                <IconButton type="submit" edge="end" aria-label={translate('onething.search.submit')}>
                                    <SearchIcon />
                                </IconButton>
                            </InputAdornment>
                        ),
                    },
                }}
            />
        </form>
    );
};
