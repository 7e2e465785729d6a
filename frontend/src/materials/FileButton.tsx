import { Button, styled } from '@mui/material';
import type { InputHTMLAttributes, ReactNode } from 'react';

// visually hidden: the file input itself is the one tab stop, named after what it takes
const HiddenFileInput = styled('input')({
    clip: 'rect(0 0 0 0)',
    clipPath: 'inset(50%)',
    height: 1,
    overflow: 'hidden',
    position: 'absolute',
    whiteSpace: 'nowrap',
    width: 1,
});

/**
 * A button that opens the file picker: a label that looks like an outlined button around a hidden file input.
 * The label is no button of its own (no role, no tab stop), so keyboard and screen reader users meet one
 * control, the input, and its focus ring shows on the label.
 */
export const FileButton = ({
    icon,
    children,
    disabled,
    ...input
}: {
    icon: ReactNode;
    children: ReactNode;
    disabled?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'disabled' | 'children'>) => (
    <Button
        component="label"
        role={undefined}
        tabIndex={-1}
        variant="outlined"
        size="small"
        startIcon={icon}
        disabled={disabled}
        sx={{ '&:has(input:focus-visible)': { outline: '2px solid', outlineOffset: 2 } }}
    >
        {children}
        <HiddenFileInput type="file" disabled={disabled} {...input} />
    </Button>
);
