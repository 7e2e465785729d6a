import { describe, expect, it } from 'vitest';
import { departmentsOf, hasPlatformRole, isApplicant, supervises } from './roles';

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
        expect(supervises({ roles: ['enterprise'] }, 'health')).toBe(false);
        expect(supervises(undefined, 'police')).toBe(false);
    });
});

describe('applicants', () => {
    it('are persons and enterprises, both with a platform role', () => {
        expect(isApplicant({ roles: ['citizen'] })).toBe(true);
        expect(isApplicant({ roles: ['enterprise'] })).toBe(true);
        expect(isApplicant({ roles: ['officer', 'lead'] })).toBe(false);
        expect(isApplicant(undefined)).toBe(false);
        expect(hasPlatformRole({ roles: ['enterprise'] })).toBe(true);
        expect(hasPlatformRole({ roles: ['offline_access'] })).toBe(false);
    });
});
