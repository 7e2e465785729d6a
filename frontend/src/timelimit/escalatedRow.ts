/** 超期督办: a list row stands out (a red bar and tint) beside its 「已督办」 mark; a Datagrid's `rowSx`. */
export const escalatedRow = (escalated: boolean) =>
    escalated
        ? { bgcolor: 'rgba(211, 47, 47, 0.08)', boxShadow: 'inset 4px 0 0 #d32f2f' } // MUI's error.main
        : {};
