// bpmn-moddle (bpmn-js's own reader and writer of BPMN XML) ships no types; the round-trip tests use it directly
declare module 'bpmn-moddle' {
    export class BpmnModdle {
        constructor(packages?: Record<string, unknown>);
        fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
        toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
        create(type: string, attrs?: object): any;
    }
}
