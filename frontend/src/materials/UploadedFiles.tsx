import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { UploadedMaterial } from '../types';

type UploadedFiles = {
    /** The file a resumed draft gave for a material. */
    restored(code: string): UploadedMaterial | undefined;
    /** The name of another material of the form already given this very file (by its SHA-256), if any. */
    sameFileAs(code: string, sha256: string): string | undefined;
    /** The file now given for a material. */
    remember(code: string, name: string, sha256: string): void;
};

const UploadedFilesContext = createContext<UploadedFiles | null>(null);

/** One form's uploads, so that one scan chosen for two materials is caught as soon as it is chosen (预审). */
export const UploadedFilesProvider = ({
    children,
    names = {},
    restored = {},
}: {
    children: ReactNode;
    /** material names by code, for the files restored */
    names?: Record<string, string>;
    /** the files of a resumed draft, by material code */
    restored?: Record<string, UploadedMaterial>;
}) => {
    const files = useMemo(() => {
        const byCode = new Map<string, { name: string; sha256: string }>(
            Object.entries(restored).map(([code, file]) => [code, { name: names[code] ?? code, sha256: file.sha256 }]),
        );
        return {
            restored: (code: string) => restored[code],
            sameFileAs: (code: string, sha256: string) =>
                [...byCode.entries()].find(([other, file]) => other !== code && file.sha256 === sha256)?.[1].name,
            remember: (code: string, name: string, sha256: string) => byCode.set(code, { name, sha256 }),
        };
        // the draft is read once, when the form opens
    }, []);
    return <UploadedFilesContext.Provider value={files}>{children}</UploadedFilesContext.Provider>;
};

/** The form's uploads; null outside an application form (a 补正 asks for one material at a time). */
export const useUploadedFiles = () => useContext(UploadedFilesContext);
