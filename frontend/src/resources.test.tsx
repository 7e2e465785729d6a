import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { resourcesFor } from './resources';

/** The resources a user with these roles gets, by name, with their menu label (none: no menu entry). */
const resourcesOf = (roles: string[]) =>
    Object.fromEntries(
        Children.toArray((resourcesFor({ roles }) as ReactElement<{ children: ReactNode }>).props.children)
            .filter(isValidElement)
            .map(element => {
                const props = element.props as { name: string; list?: unknown; options?: { label?: string } };
                return [props.name, props.list ? props.options?.label : null];
            }),
    );

describe('the menu', () => {
    it('gives officers, department leads and managers 差评整改', () => {
        for (const roles of [['officer'], ['lead'], ['officer', 'lead'], ['manager']]) {
            expect(resourcesOf(roles).rectifications).toBe('onething.menu.rectifications');
            expect(resourcesOf(roles)).not.toHaveProperty('ratings');
        }
    });

    it("gives a citizen their ratings' pages, without a menu entry, and no 差评整改", () => {
        const resources = resourcesOf(['citizen']);
        expect(resources.ratings).toBeNull();
        expect(resources).not.toHaveProperty('rectifications');
    });

    it('gives managers 好差评分析, and nobody else', () => {
        expect(resourcesOf(['manager'])['rating-analysis']).toBe('onething.menu.rating_analysis');
        for (const roles of [['citizen'], ['officer'], ['lead'], ['officer', 'lead'], ['admin']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('rating-analysis');
        }
    });
});
