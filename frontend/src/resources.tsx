import { CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { NoRolePage } from './auth/NoRolePage';
import bundles, { BundleApply } from './bundles';
import cases from './cases';
import tasks from './tasks';
import type { Permissions } from './types';

const casesLabel = (roles: string[]) =>
    roles.includes('manager')
        ? 'onething.menu.all_cases'
        : roles.includes('officer')
          ? 'onething.menu.department_cases'
          : 'onething.menu.my_cases';

/**
 * The menu and routes a user gets from their roles: a citizen applies and follows their cases,
 * an officer works the department's inbox, a manager sees all cases with their process diagram.
 * The first resource is the home page.
 */
export const resourcesFor = ({ roles }: Permissions) => {
    const has = (role: string) => roles.includes(role);
    if (!['citizen', 'officer', 'manager'].some(has)) {
        return (
            <CustomRoutes>
                <Route path="/" element={<NoRolePage />} />
            </CustomRoutes>
        );
    }
    return (
        <>
            {has('citizen') && (
                <Resource name="bundles" {...bundles} options={{ label: 'onething.menu.guide' }}>
                    <Route path=":id/apply" element={<BundleApply />} />
                </Resource>
            )}
            {has('officer') && <Resource name="tasks" {...tasks} options={{ label: 'onething.menu.inbox' }} />}
            <Resource name="cases" {...cases} options={{ label: casesLabel(roles) }} />
        </>
    );
};
