import { describe, expect, it } from 'vitest';
import { birthBundle } from '../test/fixtures';
import { toCaseBody } from './bundleForm';

describe('the body of an application', () => {
    it('sends only what some item of the latest model still asks (减材料)', () => {
        // the manager took 户口簿 and 户籍登记地址 off 出生登记; a pre-filled value or an earlier upload stays unsent
        const lighter = {
            ...birthBundle,
            materials: birthBundle.materials.map(m => (m.code === 'householdBook' ? { ...m, requiredBy: [] } : m)),
            items: birthBundle.items.map(item =>
                item.code === 'household'
                    ? { ...item, fields: ['applicantName', 'motherEmployer'], materials: [] }
                    : item
            ),
        };

        const body = toCaseBody(lighter)({
            applicantName: '张三',
            householdAddress: '北京市东城区',
            deliveryRecord: 'm-1',
            householdBook: 'm-2',
        });

        expect(body).toEqual({
            bundleCode: 'birth',
            form: { applicantName: '张三' },
            materials: { deliveryRecord: 'm-1' },
        });
    });
});
