import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { describe, expect, it } from 'vitest';
import {
    type Editing,
    overdueDaysOf,
    overdueIn,
    type Shape,
    selectedOf,
    setTaskProperty,
    setTimerDays,
} from './elementProperties';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://onething.cn/bpmn">
  <bpmn:process id="birth" isExecutable="true">
    <bpmn:userTask id="birthCertificate" name="出生医学证明" camunda:candidateGroups="hospital" />
    <bpmn:userTask id="householdRegistration" name="出生登记（户口）" camunda:candidateGroups="police">
      <bpmn:extensionElements>
        <camunda:properties>
          <camunda:property name="promisedDays" value="3" />
          <camunda:property name="materials" value="" />
          <camunda:property name="other" value="kept" />
        </camunda:properties>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="callbackTimeout" name="回访期满" attachedToRef="householdRegistration">
      <bpmn:timerEventDefinition id="callbackTimeout_timer">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">\${deadlines.overdueIn( 5 )}</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:intermediateCatchEvent id="wait">
      <bpmn:timerEventDefinition id="wait_timer" />
    </bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="message">
      <bpmn:messageEventDefinition id="message_definition" />
    </bpmn:intermediateCatchEvent>
  </bpmn:process>
</bpmn:definitions>`;

/** The model read as bpmn-js reads it, its elements as shapes, and edits applied as bpmn-js's modeling applies them. */
const load = async () => {
    const moddle = new BpmnModdle({ camunda: camundaModdle });
    const { rootElement } = await moddle.fromXML(MODEL);
    const process = (rootElement as any).rootElements[0];
    const shape = (id: string): Shape => ({ id, businessObject: process.flowElements.find((e: any) => e.id === id) });
    const set = (target: any, properties: object) =>
        Object.entries(properties).forEach(([key, value]) => target.set(key, value));
    const editing: Editing = {
        moddle,
        modeling: {
            updateProperties: (element, properties) => set(element.businessObject, properties),
            updateModdleProperties: (_, moddleElement, properties) => set(moddleElement, properties),
        },
    };
    const xml = async () => (await moddle.toXML(rootElement, { format: true })).xml;
    return { shape, editing, xml };
};

describe('the selected element', () => {
    it('is a user task with its department and the camunda properties the editor sets', async () => {
        const { shape } = await load();
        expect(selectedOf(shape('birthCertificate'))).toEqual({
            type: 'userTask',
            id: 'birthCertificate',
            name: '出生医学证明',
            candidateGroups: 'hospital',
            properties: {},
        });
        expect(selectedOf(shape('householdRegistration'))).toMatchObject({
            properties: { promisedDays: '3', materials: '' },
        });
    });

    it('is a timer event with its time’s expression (null: none yet); other events are not selected', async () => {
        const { shape } = await load();
        expect(selectedOf(shape('callbackTimeout'))).toEqual({
            type: 'timer',
            id: 'callbackTimeout',
            name: '回访期满',
            expression: '${deadlines.overdueIn( 5 )}',
        });
        expect(selectedOf(shape('wait'))).toEqual({ type: 'timer', id: 'wait', name: null, expression: null });
        expect(selectedOf(shape('message'))).toBeNull();
    });
});

describe('working days of a timer', () => {
    it('reads N of ${deadlines.overdueIn(N)} only', () => {
        expect(overdueDaysOf('${deadlines.overdueIn(5)}')).toBe(5);
        expect(overdueDaysOf(' ${ deadlines.overdueIn( 12 ) } ')).toBe(12);
        expect(overdueDaysOf('${deadlines.overdueIn(rectifyDays)}')).toBeNull();
        expect(overdueDaysOf('${inspections.rectifyOverdueAt(execution)}')).toBeNull();
        expect(overdueDaysOf(null)).toBeNull();
        expect(overdueIn(7)).toBe('${deadlines.overdueIn(7)}');
    });
});

describe('editing an element', () => {
    it('writes fields and materials as camunda properties, keeping the others; null removes one', async () => {
        const { shape, editing, xml } = await load();
        setTaskProperty(editing, shape('birthCertificate'), 'fields', 'childName,motherName');
        setTaskProperty(editing, shape('birthCertificate'), 'materials', '');
        setTaskProperty(editing, shape('householdRegistration'), 'materials', 'birthProof');
        setTaskProperty(editing, shape('householdRegistration'), 'promisedDays', null);
        // nothing to remove: no extension elements are added
        setTaskProperty(editing, shape('birthCertificate'), 'promisedDays', null);
        const saved = await xml();
        expect(saved).toMatch(
            /<bpmn:userTask id="birthCertificate"[^>]*>\s*<bpmn:extensionElements>\s*<camunda:properties>\s*<camunda:property name="fields" value="childName,motherName" \/>\s*<camunda:property name="materials" value="" \/>\s*<\/camunda:properties>/
        );
        expect(saved).toMatch(
            /<camunda:properties>\s*<camunda:property name="materials" value="birthProof" \/>\s*<camunda:property name="other" value="kept" \/>\s*<\/camunda:properties>/
        );
        expect(saved).not.toContain('promisedDays');
    });

    it('sets a timer to N working days as its timeDate, in place of a duration or of no time', async () => {
        const { shape, editing, xml } = await load();
        setTimerDays(editing, shape('callbackTimeout'), 4);
        setTimerDays(editing, shape('wait'), 2);
        const saved = await xml();
        expect(saved).not.toContain('timeDuration');
        expect(saved).toMatch(
            /<bpmn:timerEventDefinition id="callbackTimeout_timer">\s*<bpmn:timeDate xsi:type="bpmn:tFormalExpression">\$\{deadlines\.overdueIn\(4\)\}<\/bpmn:timeDate>/
        );
        expect(saved).toMatch(
            /<bpmn:timerEventDefinition id="wait_timer">\s*<bpmn:timeDate xsi:type="bpmn:tFormalExpression">\$\{deadlines\.overdueIn\(2\)\}<\/bpmn:timeDate>/
        );
        expect(selectedOf(shape('callbackTimeout'))).toMatchObject({ expression: '${deadlines.overdueIn(4)}' });
    });
});
