import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { birthModelXml } from '../test/fixtures';
import { chunked, markersOf, splitDeployErrors } from './modelProblems';

describe('the markers of problems', () => {
    it('outlines each element once, an error over a warning, and not the whole model', () => {
        const markers = markersOf([
            { elementId: 'a', severity: 'WARNING', rule: 'r1', message: 'w' },
            { elementId: 'a', severity: 'ERROR', rule: 'r2', message: 'e' },
            { elementId: 'b', severity: 'WARNING', rule: 'r3', message: 'w' },
            { elementId: 'b', severity: 'WARNING', rule: 'r4', message: 'w' },
            { elementId: null, severity: 'ERROR', rule: 'r5', message: 'e' },
        ]);
        expect([...markers]).toEqual([
            ['a', 'oth-model-error'],
            ['b', 'oth-model-warning'],
        ]);
    });
});

describe('a refused deployment', () => {
    it('splits the model’s errors (xml, xml.<element>) from the form’s', () => {
        const { model, form } = splitDeployErrors([
            { field: 'xml.Task.1', rule: 'department', message: '办理部门未知' },
            { field: 'xml', rule: 'processKey', message: '流程标识不对' },
            { field: 'comment', rule: 'required', message: '请说明' },
            { field: 'overrideReason', rule: 'required', message: '请填写理由' },
        ]);
        expect(model).toEqual([
            { elementId: 'Task.1', severity: 'ERROR', rule: 'department', message: '办理部门未知' },
            { elementId: null, severity: 'ERROR', rule: 'processKey', message: '流程标识不对' },
        ]);
        expect(form).toEqual({ comment: '请说明', overrideReason: '请填写理由' });
    });
});

describe('chunks', () => {
    it('cuts a list in runs of at most n', () => {
        expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
        expect(chunked([], 50)).toEqual([]);
    });
});

// bpmn-js reads and writes models with bpmn-moddle: what it does not know must come back as it was
describe('a model’s round trip through bpmn-moddle (no camunda extension)', () => {
    it('keeps the camunda attributes and extension elements, and a changed candidate group', async () => {
        const moddle = new BpmnModdle();
        const { rootElement } = await moddle.fromXML(birthModelXml);
        const process = (rootElement as any).rootElements[0];
        const task = process.flowElements.find((element: any) => element.id === 'birthCertificate');
        // what modeling.updateProperties does
        task.set('camunda:candidateGroups', 'police');
        const { xml } = await moddle.toXML(rootElement, { format: true });
        expect(xml).toContain('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"');
        expect(xml).toContain('camunda:historyTimeToLive="P3650D"');
        expect(xml).toContain('camunda:candidateGroups="police"');
        expect(xml).toContain('camunda:dueDate="${deadlines.due(execution)}"');
        expect(xml).toMatch(/<camunda:taskListener event="timeout" id="warning" delegateExpression="\$\{deadlineWarning\}">\s*<bpmn:timerEventDefinition id="warningTimer">/);
    });
});
