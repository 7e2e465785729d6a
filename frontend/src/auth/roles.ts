import type { Permissions } from '../types';

/**
 * The realm roles the platform knows (a department lead, 部门负责人, is usually an officer too and receives the
 * department's warnings and escalations); a user with none of them only sees a notice.
 */
export const PLATFORM_ROLES = ['citizen', 'officer', 'lead', 'manager', 'admin'];

export const hasPlatformRole = ({ roles }: Permissions) => PLATFORM_ROLES.some(role => roles.includes(role));

/** The user's departments as the backend reads them: the Keycloak groups, without a leading slash. */
export const departmentsOf = (permissions?: Permissions) =>
    (permissions?.departments ?? []).map(group => (group.startsWith('/') ? group.slice(1) : group));

/**
 * Whether the user may rate an item of this department as a supervisor (监督查评, 国办发〔2019〕51号): a manager any
 * item, a department lead (部门负责人) the items of their departments. The applicant rates as the applicant.
 */
export const supervises = (permissions: Permissions | undefined, department: string) => {
    const roles = permissions?.roles ?? [];
    if (roles.includes('citizen')) return false;
    return roles.includes('manager') || (roles.includes('lead') && departmentsOf(permissions).includes(department));
};
