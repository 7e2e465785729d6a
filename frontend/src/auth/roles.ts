import type { Permissions } from '../types';

/** The applicants: a person (citizen) or an enterprise (企业, with its 统一社会信用代码) files and follows cases. */
export const APPLICANT_ROLES = ['citizen', 'enterprise'];

/**
 * The realm roles the platform knows (a department lead, 部门负责人, is usually an officer too and receives the
 * department's warnings and escalations); a user with none of them only sees a notice.
 */
export const PLATFORM_ROLES = [...APPLICANT_ROLES, 'officer', 'lead', 'manager', 'admin'];

export const hasPlatformRole = ({ roles }: Permissions) => PLATFORM_ROLES.some(role => roles.includes(role));

/** Whether the user applies (个人 or 企业): 办事指南, 我的办件, ratings, their inspections and licences. */
export const isApplicant = (permissions?: Permissions) =>
    APPLICANT_ROLES.some(role => (permissions?.roles ?? []).includes(role));

/** The user's departments as the backend reads them: the Keycloak groups, without a leading slash. */
export const departmentsOf = (permissions?: Permissions) =>
    (permissions?.departments ?? []).map(group => (group.startsWith('/') ? group.slice(1) : group));

/**
 * Whether the user may rate an item of this department as a supervisor (监督查评, 国办发〔2019〕51号): a manager any
 * item, a department lead (部门负责人) the items of their departments. The applicant rates as the applicant.
 */
export const supervises = (permissions: Permissions | undefined, department: string) => {
    const roles = permissions?.roles ?? [];
    if (isApplicant(permissions)) return false;
    return roles.includes('manager') || (roles.includes('lead') && departmentsOf(permissions).includes(department));
};
