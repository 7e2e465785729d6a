import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

type CodeChipProps<C extends string> = Omit<ChipProps, 'color' | 'label'> & {
    code: C;
    colors: Record<C, ChipProps['color']>;
    /** the messages' prefix: the chip reads `<messages>.<code>` */
    messages: string;
};

/** A status or result code as a small chip in its colour, named in words (the colour is never the only sign). */
export const CodeChip = <C extends string>({ code, colors, messages, ...chip }: CodeChipProps<C>) => {
    const translate = useTranslate();
    return <Chip size="small" color={colors[code]} label={translate(`${messages}.${code}`)} {...chip} />;
};
