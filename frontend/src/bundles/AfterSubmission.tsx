import FactCheckIcon from '@mui/icons-material/FactCheck';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Box, List, ListItem, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import type { BundleDetail } from '../types';

/**
 * What happens once an enterprise bundle is filed: the 告知承诺 items approved at once, the joint site
 * inspections (who leads, who comes, within how many working days), the licences issued together (证照同发)
 * and what a 多证合一 licence replaces. Nothing for a bundle without any of them.
 */
export const AfterSubmission = ({ bundle }: { bundle: BundleDetail }) => {
    const translate = useTranslate();
    const titleId = useId();
    const commitments = bundle.items.filter(item => item.commitment);
    const inspections = bundle.inspections ?? [];
    const licences = bundle.licences ?? [];
    if (commitments.length + inspections.length + licences.length === 0) return null;
    return (
        <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ width: '100%', p: 2, mt: 2 }}>
            <Typography variant="subtitle1" component="h2" id={titleId}>
                {translate('onething.apply.after.title')}
            </Typography>
            <List dense disablePadding>
                {commitments.map(item => (
                    <ListItem key={item.code} disableGutters>
                        <ListItemIcon>
                            <HowToRegIcon color="success" />
                        </ListItemIcon>
                        <ListItemText primary={translate('onething.apply.after.commitment', { name: item.name })} />
                    </ListItem>
                ))}
                {inspections.map(inspection => (
                    <ListItem key={inspection.code} disableGutters>
                        <ListItemIcon>
                            <FactCheckIcon color="primary" />
                        </ListItemIcon>
                        <ListItemText
                            // one department alone does not 牵头 a joint visit
                            primary={translate(
                                inspection.departmentNames.length > 1
                                    ? 'onething.apply.after.inspection'
                                    : 'onething.apply.after.inspection_single',
                                {
                                    name: inspection.name,
                                    lead: inspection.leadDepartmentName,
                                    departments: inspection.departmentNames.join('、'),
                                    days: inspection.limitDays,
                                }
                            )}
                        />
                    </ListItem>
                ))}
                {licences.length > 0 && (
                    <ListItem disableGutters alignItems="flex-start">
                        <ListItemIcon>
                            <VerifiedIcon color="primary" />
                        </ListItemIcon>
                        <ListItemText
                            primary={translate('onething.apply.after.licences')}
                            secondary={
                                <Box
                                    component="ul"
                                    aria-label={translate('onething.apply.after.licences')}
                                    sx={{ m: 0, pl: 2 }}
                                >
                                    {licences.map(licence => (
                                        <li key={licence.code}>
                                            {translate('onething.apply.after.licence', {
                                                name: licence.name,
                                                department: licence.departmentName,
                                                years: licence.validYears,
                                            })}
                                            {licence.replaces.length > 0 && (
                                                <>
                                                    {'：'}
                                                    {translate('onething.apply.after.replaces', {
                                                        permits: licence.replaces.join('、'),
                                                    })}
                                                </>
                                            )}
                                        </li>
                                    ))}
                                </Box>
                            }
                            slotProps={{ secondary: { component: 'div' } }}
                        />
                    </ListItem>
                )}
            </List>
        </Paper>
    );
};
