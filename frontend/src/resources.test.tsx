import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { CustomRoutes } from 'react-admin';
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

describe('applicants and site inspections', () => {
    it('gives an enterprise what a citizen gets: 办事指南, 我的办件, ratings, licences, the inspection pages', () => {
        for (const roles of [['citizen'], ['enterprise']]) {
            const resources = resourcesOf(roles);
            expect(resources.bundles).toBe('onething.menu.guide');
            expect(resources.cases).toBe('onething.menu.my_cases');
            expect(resources.ratings).toBeNull();
            expect(resources.licences).toBe('onething.menu.licences');
            // reached from the case page, no menu entry
            expect(resources.inspections).toBeNull();
        }
    });

    it('gives officers and managers 联合踏勘 and 电子证照', () => {
        for (const roles of [['officer'], ['officer', 'lead'], ['manager']]) {
            expect(resourcesOf(roles).inspections).toBe('onething.menu.inspections');
            expect(resourcesOf(roles).licences).toBe('onething.menu.licences');
        }
        expect(resourcesOf(['admin'])).not.toHaveProperty('inspections');
    });

    it('gives officers and managers the reception\'s 到场名单, applicants not', () => {
        for (const roles of [['officer'], ['officer', 'lead'], ['manager']]) {
            expect(resourcesOf(roles).appointments).toBe('onething.menu.day_list');
        }
        for (const roles of [['citizen'], ['enterprise'], ['admin']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('appointments');
        }
    });
});

describe('审管联动, 企业信用 and 双随机抽查', () => {
    it('gives officers and managers 审管联动 and 企业信用, managers alone 双随机抽查', () => {
        for (const roles of [['officer'], ['officer', 'lead'], ['manager']]) {
            const resources = resourcesOf(roles);
            expect(resources.supervision).toBe('onething.menu.supervision');
            expect(resources.credit).toBe('onething.menu.credit');
        }
        expect(resourcesOf(['manager']).draws).toBe('onething.menu.draws');
        for (const roles of [['officer'], ['lead'], ['citizen'], ['enterprise'], ['admin']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('draws');
        }
    });

    it('gives an enterprise its own credit (本企业信用), and a citizen none of it', () => {
        const enterprise = resourcesOf(['enterprise']);
        expect(enterprise.credit).toBe('onething.menu.my_credit');
        expect(enterprise).not.toHaveProperty('supervision');
        for (const roles of [['citizen'], ['lead'], ['admin']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('credit');
            expect(resourcesOf(roles)).not.toHaveProperty('supervision');
        }
    });
});

describe('搜索', () => {
    const routesOf = (roles: string[]) =>
        Children.toArray((resourcesFor({ roles }) as ReactElement<{ children: ReactNode }>).props.children)
            .filter(isValidElement)
            .filter(element => element.type === CustomRoutes)
            .flatMap(element =>
                Children.toArray((element.props as { children: ReactNode }).children)
                    .filter(isValidElement)
                    .map(route => (route.props as { path: string }).path),
            );

    it('gives everybody the results page', () => {
        for (const roles of [['citizen'], ['enterprise'], ['officer'], ['lead'], ['manager'], ['admin']]) {
            expect(routesOf(roles)).toContain('/search');
        }
    });

    it('gives administrators 搜索索引 and 审计日志, and nobody else', () => {
        expect(resourcesOf(['admin'])['search-index']).toBe('onething.menu.search_index');
        expect(resourcesOf(['admin']).audit).toBe('onething.menu.audit');
        for (const roles of [['citizen'], ['enterprise'], ['officer'], ['lead'], ['manager']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('search-index');
            expect(resourcesOf(roles)).not.toHaveProperty('audit');
        }
    });
});

describe('流程模型', () => {
    it('gives managers 流程模型, and nobody else', () => {
        expect(resourcesOf(['manager']).models).toBe('onething.menu.models');
        for (const roles of [['citizen'], ['enterprise'], ['officer'], ['lead'], ['admin']]) {
            expect(resourcesOf(roles)).not.toHaveProperty('models');
        }
    });
});
