import { describe, expect, it } from 'vitest';
import { departmentsOf, supervises } from './roles';

describe('监督查评: who rates an item as a supervisor', () => {
    it('reads the departments from the Keycloak groups, with or without a leading slash', () => {
        expect(departmentsOf({ roles: [], departments: ['/police', 'hospital'] })).toEqual(['police', 'hospital']);
        expect(departmentsOf({ roles: [] })).toEqual([]);
        expect(departmentsOf(undefined)).toEqual([]);
    });

    it('is a manager for any department, a lead for their own ones only', () => {
        expect(supervises({ roles: ['manager'] }, 'police')).toBe(true);
        expect(supervises({ roles: ['officer', 'lead'], departments: ['/police'] }, 'police')).toBe(true);
        expect(supervises({ roles: ['officer', 'lead'], departments: ['hospital'] }, 'police')).toBe(false);
        expect(supervises({ roles: ['officer'], departments: ['police'] }, 'police')).toBe(false);
        expect(supervises({ roles: ['citizen'] }, 'police')).toBe(false);
        expect(supervises(undefined, 'police')).toBe(false);
    });
});
