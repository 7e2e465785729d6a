import { CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import appointments from './appointments';
import audit from './audit';
import { NoRolePage } from './auth/NoRolePage';
import { hasPlatformRole, isApplicant } from './auth/roles';
import bundles, { BundleApply } from './bundles';
import calendar, { CalendarCreate, CalendarEdit } from './calendar';
import cases from './cases';
import credit, { MyCredit } from './credit';
import deadlines from './deadlines';
import draws from './draws';
import inspections, { InspectionCalendar } from './inspections';
import licences from './licences';
import models, { ModelEditor } from './models';
import notifications from './notifications';
import ratingAnalysis from './ratingAnalysis';
import ratings from './ratings';
import rectifications from './rectifications';
import searchIndex, { SearchPage } from './search';
import supervision from './supervision';
import tasks from './tasks';
import type { Permissions } from './types';

const casesLabel = (roles: string[]) =>
    roles.includes('manager')
        ? 'onething.menu.all_cases'
        : roles.includes('officer')
          ? 'onething.menu.department_cases'
          : 'onething.menu.my_cases';

/**
 * The menu and routes a user gets from their roles: an applicant (a person or an enterprise) applies and follows
 * their cases, an officer works the department's inbox, a manager sees all cases with their process diagram,
 * watches the deadlines (时限监控) and analyses the ratings (好差评分析), an administrator keeps the working
 * calendar (工作日历, which managers may read). An applicant rates what was decided (好差评) and follows a bad rating
 * on its page (/ratings/:id/show, no menu entry); officers, department leads and managers work the rectification
 * of bad ratings (差评整改). Officers and managers follow the site inspections (联合踏勘: list and calendar); an
 * applicant reaches theirs from the case page. Applicants, officers and managers see the electronic licences
 * (电子证照) they hold, issued or supervise. Officers and managers follow the supervision after approval (审管联动:
 * officers claim and report, managers watch) and read the enterprises' credit (企业信用); an enterprise reads its
 * own (本企业信用); managers draw enterprises for inspection (双随机抽查) and edit, deploy, compare and migrate the BPMN
 * processes (流程模型). Everybody has their notifications (a
 * department lead gets the escalations) and searches what they may see (/search, from the app bar's box);
 * administrators watch and rebuild the search index (搜索索引). The first resource is the home page.
 */
export const resourcesFor = (permissions: Permissions) => {
    const has = (role: string) => permissions.roles.includes(role);
    const applicant = isApplicant(permissions);
    const staff = has('officer') || has('manager');
    if (!hasPlatformRole(permissions)) {
        return (
            <CustomRoutes>
                <Route path="/" element={<NoRolePage />} />
            </CustomRoutes>
        );
    }
    return (
        <>
            {applicant && (
                <Resource name="bundles" {...bundles} options={{ label: 'onething.menu.guide' }}>
                    <Route path=":id/apply" element={<BundleApply />} />
                </Resource>
            )}
            {has('officer') && <Resource name="tasks" {...tasks} options={{ label: 'onething.menu.inbox' }} />}
            {staff && <Resource name="appointments" {...appointments} options={{ label: 'onething.menu.day_list' }} />}
            {(applicant || staff) && (
                <Resource name="cases" {...cases} options={{ label: casesLabel(permissions.roles) }} />
            )}
            {staff ? (
                <Resource name="inspections" {...inspections} options={{ label: 'onething.menu.inspections' }}>
                    <Route path="calendar" element={<InspectionCalendar />} />
                </Resource>
            ) : (
                applicant && <Resource name="inspections" show={inspections.show} />
            )}
            {(applicant || staff) && (
                <Resource name="licences" {...licences} options={{ label: 'onething.menu.licences' }} />
            )}
            {staff && (
                <Resource name="supervision" {...supervision} options={{ label: 'onething.menu.supervision' }} />
            )}
            {staff ? (
                <Resource name="credit" {...credit} options={{ label: 'onething.menu.credit' }} />
            ) : (
                has('enterprise') && (
                    <Resource
                        name="credit"
                        list={MyCredit}
                        icon={credit.icon}
                        options={{ label: 'onething.menu.my_credit' }}
                    />
                )
            )}
            {has('manager') && <Resource name="draws" {...draws} options={{ label: 'onething.menu.draws' }} />}
            {applicant && <Resource name="ratings" {...ratings} />}
            {['officer', 'lead', 'manager'].some(has) && (
                <Resource
                    name="rectifications"
                    {...rectifications}
                    options={{ label: 'onething.menu.rectifications' }}
                />
            )}
            {has('manager') && (
                <Resource name="models" {...models} options={{ label: 'onething.menu.models' }}>
                    <Route path=":id/versions/:version/edit" element={<ModelEditor />} />
                </Resource>
            )}
            {has('manager') && (
                <Resource name="deadlines" {...deadlines} options={{ label: 'onething.menu.deadlines' }} />
            )}
            {has('manager') && (
                <Resource
                    name="rating-analysis"
                    {...ratingAnalysis}
                    options={{ label: 'onething.menu.rating_analysis' }}
                />
            )}
            {(has('admin') || has('manager')) && (
                <Resource
                    name="calendar"
                    {...calendar}
                    {...(has('admin') && { edit: CalendarEdit, create: CalendarCreate })}
                    options={{ label: 'onething.menu.calendar' }}
                />
            )}
            {has('admin') && (
                <Resource name="search-index" {...searchIndex} options={{ label: 'onething.menu.search_index' }} />
            )}
            {has('admin') && <Resource name="audit" {...audit} options={{ label: 'onething.menu.audit' }} />}
            <Resource name="notifications" {...notifications} options={{ label: 'onething.menu.notifications' }} />
            <CustomRoutes>
                <Route path="/search" element={<SearchPage />} />
            </CustomRoutes>
        </>
    );
};
