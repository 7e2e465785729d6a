import type { Permissions } from '../types';

/**
 * The realm roles the platform knows (a department lead, 部门负责人, is usually an officer too and receives the
 * department's warnings and escalations); a user with none of them only sees a notice.
 */
export const PLATFORM_ROLES = ['citizen', 'officer', 'lead', 'manager', 'admin'];

export const hasPlatformRole = ({ roles }: Permissions) => PLATFORM_ROLES.some(role => roles.includes(role));
