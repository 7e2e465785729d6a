// bpmn-moddle (bpmn-js's own reader and writer of BPMN XML) ships no types; the round-trip test uses it directly
declare module 'bpmn-moddle' {
    export class BpmnModdle {
        fromXML(xml: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
        toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
    }
}
