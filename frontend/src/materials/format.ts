/** "PDF、JPG、PNG" from a list of MIME types. */
export const acceptLabel = (accept: string[]) =>
    accept
        .map(type => (type.split('/')[1] ?? type).replace('jpeg', 'jpg').toUpperCase())
        .join('、');

/** "1.2 MB", "350 KB", "12 B". */
export const formatSize = (bytes: number) =>
    bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
        : bytes >= 1024
          ? `${Math.round(bytes / 1024)} KB`
          : `${bytes} B`;
