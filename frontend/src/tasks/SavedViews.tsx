import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import { Chip, IconButton, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import {
    BooleanInput,
    Button,
    Confirm,
    maxLength,
    required,
    TextInput,
    useDelete,
    useGetList,
    useListContext,
    useNotify,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { useMe } from '../auth/useMe';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import { ActionDialog } from '../form/ActionDialog';
import { useFormAction } from '../form/useFormAction';
import type { TaskSavedView } from '../types';
import { filtersOf, URGENCY_SORT, viewOf } from './inbox';

const nameValidation = [
    required('onething.saved_view.name_required'),
    maxLength(50, 'onething.task.validation.too_long'),
];

/** 保存视图: the tab, filters and order in force under a name; a lead may share it with the department. */
export const SaveViewButton = () => {
    const [open, setOpen] = useState(false);
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { filterValues, sort } = useListContext();
    const { data: me } = useMe();
    const { submit, problem } = useFormAction(
        ({ name, shared }: { name: string; shared: boolean }) =>
            dataProvider.create('task-views', {
                data: {
                    name: name.trim(),
                    view: viewOf(filterValues),
                    filters: filtersOf(filterValues),
                    sort: sort.field,
                    // most urgent first has no direction
                    order: sort.field === URGENCY_SORT.field ? undefined : sort.order,
                    shared,
                },
            }),
        'onething.saved_view.saved',
        { onDone: () => setOpen(false) }
    );
    return (
        <>
            <Button label="onething.saved_view.save" onClick={() => setOpen(true)}>
                <BookmarkAddIcon />
            </Button>
            {open && (
                <ActionDialog
                    title={translate('onething.saved_view.save_title')}
                    onClose={() => setOpen(false)}
                    onSubmit={submit}
                    problem={problem}
                    record={{ name: '', shared: false }}
                    submitLabel="ra.action.save"
                >
                    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                        {translate('onething.saved_view.save_hint')}
                    </Typography>
                    <TextInput source="name" label="onething.saved_view.name" validate={nameValidation} fullWidth />
                    {me?.roles.includes('lead') && <BooleanInput source="shared" label="onething.saved_view.shared" />}
                </ActionDialog>
            )}
        </>
    );
};

/** Asks before deleting one's own saved view. */
const DeleteViewConfirm = ({ view, onClose }: { view: TaskSavedView | null; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const [remove, { isPending }] = useDelete();
    return (
        <Confirm
            isOpen={view !== null}
            loading={isPending}
            title="onething.saved_view.delete_title"
            content={translate('onething.saved_view.delete_content', { name: view?.name })}
            onClose={onClose}
            onConfirm={() =>
                remove(
                    'task-views',
                    { id: view!.id, previousData: view! },
                    {
                        mutationMode: 'pessimistic',
                        onSuccess: () => {
                            notify('onething.saved_view.deleted', { type: 'success' });
                            onClose();
                            refresh();
                        },
                        onError: notifyError,
                    }
                )
            }
        />
    );
};

/**
 * 常用视图: the user's saved views and those shared with their department, each with how many tasks it holds now;
 * choosing one opens its tab with its filters and order. One's own can be deleted.
 */
export const SavedViewsMenu = () => {
    const translate = useTranslate();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const [deleting, setDeleting] = useState<TaskSavedView | null>(null);
    const { setFilters, setSort } = useListContext();
    const { data: views } = useGetList<TaskSavedView>('task-views');

    const apply = (view: TaskSavedView) => {
        setAnchor(null);
        setSort(view.sort ? { field: view.sort, order: view.order ?? 'ASC' } : URGENCY_SORT);
        setFilters({ ...filtersOf(view.filters), view: view.view }, {});
    };

    return (
        <>
            <Button
                label="onething.saved_view.menu"
                onClick={event => setAnchor(event.currentTarget)}
                aria-haspopup="menu"
            >
                <BookmarksIcon />
            </Button>
            <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
                {!views?.length && <MenuItem disabled>{translate('onething.saved_view.empty')}</MenuItem>}
                {views?.map(view => {
                    const deleteLabel = translate('onething.saved_view.delete', { name: view.name });
                    return (
                        <MenuItem key={view.id} onClick={() => apply(view)} sx={{ gap: 1 }}>
                            <ListItemText
                                primary={view.name}
                                secondary={
                                    view.shared
                                        ? translate('onething.saved_view.shared_by', { name: view.ownerName })
                                        : null
                                }
                            />
                            {/* a view shared for a tab the user cannot open (本部门全部) comes without a count */}
                            {view.count >= 0 && (
                                <Chip
                                    size="small"
                                    label={translate('onething.saved_view.count', { count: view.count })}
                                />
                            )}
                            {view.editable && (
                                <IconButton
                                    edge="end"
                                    size="small"
                                    aria-label={deleteLabel}
                                    title={deleteLabel}
                                    onClick={event => {
                                        event.stopPropagation(); // not the item's click, which applies the view
                                        setAnchor(null);
                                        setDeleting(view);
                                    }}
                                >
                                    <DeleteIcon fontSize="small" />
                                </IconButton>
                            )}
                        </MenuItem>
                    );
                })}
            </Menu>
            <DeleteViewConfirm view={deleting} onClose={() => setDeleting(null)} />
        </>
    );
};
