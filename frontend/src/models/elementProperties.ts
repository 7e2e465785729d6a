/**
 * What the editor shows and sets of a selected element, read from and written to bpmn-js's model (moddle
 * elements, with camunda-bpmn-moddle). ModelCanvas hands in bpmn-js's services; nothing else touches them.
 */

/** The camunda properties the editor sets on a user task (inside camunda:properties). */
export const TASK_PROPERTIES = ['promisedDays', 'fields', 'materials', 'bulkApprove'] as const;
export type TaskProperty = (typeof TASK_PROPERTIES)[number];

/**
 * The user task selected in the editor, with its camunda:candidateGroups and the camunda properties it has
 * (absent: the catalog's default applies): promisedDays (承诺时限), fields and materials (comma-separated codes),
 * bulkApprove ("true": 允许批量通过).
 */
export interface SelectedTask {
    type: 'userTask';
    id: string;
    name: string | null;
    candidateGroups: string;
    properties: Partial<Record<TaskProperty, string>>;
}

/** A timer event (boundary or intermediate catch) selected, with its time's expression (null: none yet). */
export interface SelectedTimer {
    type: 'timer';
    id: string;
    name: string | null;
    expression: string | null;
}

export type SelectedElement = SelectedTask | SelectedTimer;

export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    value?: string;
    body?: string;
    values?: ModdleElement[];
    extensionElements?: ModdleElement;
    eventDefinitions?: ModdleElement[];
    timeDate?: ModdleElement;
    timeDuration?: ModdleElement;
    timeCycle?: ModdleElement;
    get(name: string): unknown;
    $instanceOf(type: string): boolean;
}

/** A diagram element of bpmn-js, on its model element. */
export interface Shape {
    id: string;
    businessObject: ModdleElement;
}

/** What the edits need of bpmn-js: its moddle, to create model elements, and modeling, whose updates are undoable. */
export interface Editing {
    moddle: { create(type: string, attrs?: object): ModdleElement };
    modeling: {
        updateProperties(element: Shape, properties: object): void;
        updateModdleProperties(element: Shape, moddleElement: ModdleElement, properties: object): void;
    };
}

const OVERDUE_IN = /^\$\{\s*deadlines\.overdueIn\(\s*(\d+)\s*\)\s*\}$/;

/** N of `${deadlines.overdueIn(N)}` (N a number), else null: the system computes the time otherwise. */
export const overdueDaysOf = (expression: string | null): number | null => {
    const match = expression?.trim().match(OVERDUE_IN);
    return match ? Number(match[1]) : null;
};

/** The timer's time after N working days: the backend's Deadlines.overdueIn, which follows the working calendar. */
export const overdueIn = (days: number) => `\${deadlines.overdueIn(${days})}`;

const propertiesOf = (task: ModdleElement) =>
    task.extensionElements?.values?.find(value => value.$type === 'camunda:Properties');

const timerOf = (event: ModdleElement) =>
    event.$type === 'bpmn:BoundaryEvent' || event.$type === 'bpmn:IntermediateCatchEvent'
        ? event.eventDefinitions?.find(definition => definition.$type === 'bpmn:TimerEventDefinition')
        : undefined;

/** What the editor shows of an element selected alone: a user task or a timer event (null: anything else). */
export const selectedOf = ({ id, businessObject }: Shape): SelectedElement | null => {
    const name = businessObject.name ?? null;
    if (businessObject.$type === 'bpmn:UserTask') {
        const properties = propertiesOf(businessObject)?.values ?? [];
        return {
            type: 'userTask',
            id,
            name,
            candidateGroups: String(businessObject.get('camunda:candidateGroups') ?? ''),
            properties: Object.fromEntries(
                properties
                    .filter(property => (TASK_PROPERTIES as readonly unknown[]).includes(property.name))
                    .map(property => [property.name, property.value ?? ''])
            ),
        };
    }
    const timer = timerOf(businessObject);
    if (!timer) return null;
    const time = timer.timeDate ?? timer.timeDuration ?? timer.timeCycle;
    return { type: 'timer', id, name, expression: time?.body ?? null };
};

/**
 * Sets a camunda property of a task: `<camunda:properties><camunda:property name=… value=…/>` (null removes it;
 * "" stays: for fields and materials it means none).
 */
export const setTaskProperty = (
    { moddle, modeling }: Editing,
    element: Shape,
    name: TaskProperty,
    value: string | null
) => {
    const task = element.businessObject;
    let properties = propertiesOf(task);
    const property = properties?.values?.find(p => p.name === name);
    if (property) {
        if (value === null) {
            modeling.updateModdleProperties(element, properties!, {
                values: properties!.values!.filter(p => p !== property),
            });
        } else {
            modeling.updateModdleProperties(element, property, { value });
        }
        return;
    }
    if (value === null) return;
    let extensions = task.extensionElements;
    if (!extensions) {
        extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
        modeling.updateProperties(element, { extensionElements: extensions });
    }
    if (!properties) {
        properties = moddle.create('camunda:Properties', { values: [] });
        modeling.updateModdleProperties(element, extensions, { values: [...(extensions.values ?? []), properties] });
    }
    modeling.updateModdleProperties(element, properties, {
        values: [...(properties.values ?? []), moddle.create('camunda:Property', { name, value })],
    });
};

/** Makes a timer event fire after N working days: `${deadlines.overdueIn(N)}` as its timeDate (a date, not a duration). */
export const setTimerDays = ({ moddle, modeling }: Editing, element: Shape, days: number) => {
    const timer = timerOf(element.businessObject);
    if (!timer) return;
    modeling.updateModdleProperties(element, timer, {
        timeDate: moddle.create('bpmn:FormalExpression', { body: overdueIn(days) }),
        // a timer has one time: the date replaces a duration or cycle it had
        timeDuration: undefined,
        timeCycle: undefined,
    });
};
