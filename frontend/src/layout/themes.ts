import { deepmerge } from '@mui/utils';
import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's light theme with every colour that carries white text (the app bar, chips, buttons) at 4.5:1 or
 * more against it (WCAG AA): MUI's info and warning and react-admin's app bar blue are lighter than that.
 */
export const normalTheme: RaThemeOptions = deepmerge(defaultLightTheme, {
    palette: {
        primary: { main: '#1565c0', contrastText: '#fff' },
        secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
        info: { main: '#01579b', contrastText: '#fff' },
        warning: { main: '#a84300', contrastText: '#fff' },
        success: { main: '#1b5e20', contrastText: '#fff' },
        error: { main: '#c62828', contrastText: '#fff' },
    },
});

/** 18 px: the least body text of 长者版. */
const ELDER_TEXT = '1.125rem';

/**
 * 长者版: type from 18 px up (MUI scales its rem sizes by fontSize / 14), black text on white, underlined links,
 * and targets of 48 px and more.
 */
export const elderTheme: RaThemeOptions = deepmerge(normalTheme, {
    typography: { fontSize: 18, h6: { fontWeight: 600 } },
    palette: {
        text: { primary: '#000', secondary: '#262626' },
        background: { default: '#fff' },
        divider: 'rgba(0, 0, 0, 0.6)',
    },
    components: {
        MuiButton: { styleOverrides: { root: { minHeight: 48, fontSize: ELDER_TEXT } } },
        MuiIconButton: { styleOverrides: { root: { padding: 12 } } },
        MuiMenuItem: { styleOverrides: { root: { minHeight: 56, fontSize: ELDER_TEXT } } },
        MuiTableCell: { styleOverrides: { root: { fontSize: ELDER_TEXT, paddingTop: 14, paddingBottom: 14 } } },
        MuiChip: { styleOverrides: { label: { fontSize: ELDER_TEXT }, root: { height: 'auto', minHeight: 32 } } },
        MuiInputBase: { styleOverrides: { input: { fontSize: ELDER_TEXT } } },
        MuiFormLabel: { styleOverrides: { root: { fontSize: ELDER_TEXT } } },
        // a filled field's label shrinks to 15 px instead of MUI's 13.5, with room made for it above the value
        MuiInputLabel: {
            styleOverrides: {
                root: ({ ownerState }: { ownerState: { shrink?: boolean; variant?: string } }) =>
                    ownerState.shrink && ownerState.variant === 'filled'
                        ? { transform: 'translate(12px, 3px) scale(0.85)' }
                        : {},
            },
        },
        MuiFilledInput: {
            styleOverrides: {
                input: ({ ownerState }: { ownerState: { size?: string; hiddenLabel?: boolean } }) =>
                    ownerState.hiddenLabel ? {} : { paddingTop: ownerState.size === 'small' ? 27 : 30 },
            },
        },
        MuiFormHelperText: { styleOverrides: { root: { fontSize: ELDER_TEXT } } },
        MuiFormControlLabel: { styleOverrides: { label: { fontSize: ELDER_TEXT } } },
        MuiTab: { styleOverrides: { root: { minHeight: 56, fontSize: ELDER_TEXT } } },
        MuiTooltip: { styleOverrides: { tooltip: { fontSize: ELDER_TEXT } } },
        MuiLink: { defaultProps: { underline: 'always' } },
        MuiRadio: { styleOverrides: { root: { padding: 12 } } },
        MuiCheckbox: { styleOverrides: { root: { padding: 12 } } },
    },
});
