import { Box } from '@mui/material';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { ElementFigures, ModelProblem } from '../types';
import { badgeOf, heatOf } from './figures';
import { markersOf } from './modelProblems';
import './ModelCanvas.css';

/** What the pages ask of the diagram: the edited XML, showing one element, a user task's 办理部门. */
export interface ModelCanvasHandle {
    saveXml(): Promise<string>;
    focus(elementId: string): void;
    setCandidateGroups(elementId: string, groups: string): void;
    setPromisedDays(elementId: string, days: string): void;
}

/**
 * The user task selected in the editor, with its camunda:candidateGroups and its camunda property
 * promisedDays (承诺时限; "" when none: the catalog's default applies).
 */
export interface SelectedTask {
    id: string;
    name: string | null;
    candidateGroups: string;
    promisedDays: string;
}

interface ModdleElement {
    $type: string;
    name?: string;
    value?: string;
    values?: ModdleElement[];
    extensionElements?: ModdleElement;
    get(name: string): unknown;
}

interface Shape {
    id: string;
    businessObject: ModdleElement;
}

interface Modeling {
    updateProperties(element: unknown, properties: object): void;
    updateModdleProperties(element: unknown, moddleElement: ModdleElement, properties: object): void;
}

/** The task's camunda:properties, and its promisedDays property, if it has them. */
const promisedDaysOf = (task: ModdleElement) => {
    const properties = task.extensionElements?.values?.find(v => v.$type === 'camunda:Properties');
    return { properties, property: properties?.values?.find(p => p.name === 'promisedDays') };
};

/** The width of bpmn-js's tool palette, drawn over the diagram's left edge. */
const PALETTE_WIDTH = 110;

interface Canvas {
    zoom(level: string): void;
    viewbox(box?: { x: number; y: number; width: number; height: number }): {
        x: number;
        y: number;
        width: number;
        height: number;
        scale: number;
    };
    addMarker(element: unknown, marker: string): void;
    removeMarker(element: unknown, marker: string): void;
    scrollToElement(element: unknown): void;
}

/**
 * A BPMN model drawn by bpmn-js: the Modeler when `editable`, else the NavigatedViewer (read only). The only
 * component of the 流程模型 pages that needs bpmn-js (~1.6 MB), so the pages load it lazily; jsdom cannot draw it,
 * the pages' tests replace it. `problems` are outlined on their elements; new problems replace the old markers.
 * bpmn-js keeps the camunda:* attributes and extension elements it does not know as they were (the backend
 * refuses tasks that lost them).
 */
const ModelCanvas = ({
    xml,
    editable = false,
    problems = [],
    figures,
    label,
    onError,
    onSelectTask,
    ref,
}: {
    xml: string;
    editable?: boolean;
    problems?: ModelProblem[];
    /** how the cases of this version stand, per element: a badge each, and heat by average time spent */
    figures?: ElementFigures[];
    label: string;
    onError?: (error: Error) => void;
    /** the user task selected alone (null: anything else or nothing) */
    onSelectTask?: (task: SelectedTask | null) => void;
    ref?: Ref<ModelCanvasHandle>;
}) => {
    const container = useRef<HTMLDivElement>(null);
    const modeler = useRef<Modeler | NavigatedViewer | null>(null);
    // the import is asynchronous: markers wait for it
    const imported = useRef<Promise<unknown>>(Promise.resolve());
    const marked = useRef<Map<string, string>>(new Map());
    // the latest callback, without drawing the diagram again when it changes
    const selectTask = useRef(onSelectTask);
    selectTask.current = onSelectTask;

    useEffect(() => {
        const Kind = editable ? Modeler : NavigatedViewer;
        // the camunda extension, so that a task's camunda:properties can be written (promisedDays)
        const instance = new Kind({ container: container.current!, moddleExtensions: { camunda: camundaModdle } });
        modeler.current = instance;
        marked.current = new Map();
        if (editable) {
            instance.on('selection.changed', ({ newSelection }: { newSelection: Shape[] }) => {
                const [shape] = newSelection;
                const task = newSelection.length === 1 && shape.businessObject.$type === 'bpmn:UserTask';
                selectTask.current?.(
                    task
                        ? {
                              id: shape.id,
                              name: shape.businessObject.name ?? null,
                              // without camunda-bpmn-moddle bpmn-js keeps camunda:* attributes as they are ($attrs)
                              candidateGroups: String(shape.businessObject.get('camunda:candidateGroups') ?? ''),
                              promisedDays: promisedDaysOf(shape.businessObject).property?.value ?? '',
                          }
                        : null
                );
            });
        }
        imported.current = instance
            .importXML(xml)
            .then(() => {
                const canvas = instance.get<Canvas>('canvas');
                canvas.zoom('fit-viewport');
                if (editable) {
                    // the editor's tool palette covers the left edge: widen the view so the diagram clears it
                    const { x, y, width, height, scale } = canvas.viewbox();
                    const pad = PALETTE_WIDTH / scale;
                    canvas.viewbox({ x: x - pad, y, width: width + pad, height });
                }
            })
            .catch(error => onError?.(error));
        return () => {
            instance.destroy();
            modeler.current = null;
        };
        // a new model, not a new onError callback, draws the diagram again
    }, [xml, editable]);

    useEffect(() => {
        imported.current.then(() => {
            const instance = modeler.current;
            if (!instance) return;
            const canvas = instance.get<Canvas>('canvas');
            const registry = instance.get<{ get(id: string): unknown }>('elementRegistry');
            marked.current.forEach((marker, id) => {
                const element = registry.get(id);
                if (element) canvas.removeMarker(element, marker);
            });
            const markers = markersOf(problems);
            markers.forEach((marker, id) => {
                // an element the server names may have been deleted since
                const element = registry.get(id);
                if (element) canvas.addMarker(element, marker);
            });
            marked.current = markers;
        });
    }, [problems]);

    useEffect(() => {
        if (!figures?.length) return;
        imported.current.then(() => {
            const instance = modeler.current;
            if (!instance) return;
            const canvas = instance.get<Canvas>('canvas');
            const registry = instance.get<{ get(id: string): unknown }>('elementRegistry');
            const overlays = instance.get<{
                add(element: unknown, type: string, overlay: { position: object; html: HTMLElement }): void;
                remove(filter: { type: string }): void;
            }>('overlays');
            overlays.remove({ type: 'figures' });
            const heat = heatOf(figures);
            for (const f of figures) {
                const element = registry.get(f.activityId);
                const text = badgeOf(f);
                if (!element) continue;
                const level = heat.get(f.activityId);
                if (level) canvas.addMarker(element, `oth-heat-${level}`);
                if (!text) continue;
                const badge = document.createElement('div');
                badge.className = f.overdue > 0 ? 'oth-figures oth-figures-overdue' : 'oth-figures';
                badge.textContent = text;
                badge.dataset.elementId = f.activityId;
                overlays.add(element, 'figures', { position: { bottom: 6, left: 0 }, html: badge });
            }
        });
    }, [figures]);

    useImperativeHandle(ref, () => ({
        saveXml: async () => {
            const { xml: saved } = await modeler.current!.saveXML({ format: true });
            return saved!;
        },
        focus: elementId => {
            const instance = modeler.current;
            const element = instance?.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
            if (!instance || !element) return;
            instance.get<Canvas>('canvas').scrollToElement(element);
            if (editable) instance.get<{ select(element: unknown): void }>('selection').select(element);
        },
        setCandidateGroups: (elementId, groups) => {
            const instance = modeler.current;
            const element = instance?.get<{ get(id: string): unknown }>('elementRegistry').get(elementId);
            if (!instance || !element) return;
            // through the modeling API: undoable, and written as the camunda:candidateGroups attribute
            instance
                .get<{ updateProperties(element: unknown, properties: object): void }>('modeling')
                .updateProperties(element, { 'camunda:candidateGroups': groups || undefined });
        },
        setPromisedDays: (elementId, days) => {
            const instance = modeler.current;
            const element = instance?.get<{ get(id: string): Shape | undefined }>('elementRegistry').get(elementId);
            if (!instance || !element) return;
            // through the modeling API (undoable): <camunda:properties><camunda:property name="promisedDays" …/>
            const modeling = instance.get<Modeling>('modeling');
            const moddle = instance.get<{ create(type: string, attrs?: object): ModdleElement }>('moddle');
            const task = element.businessObject;
            let extensions = task.extensionElements;
            if (!extensions) {
                extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
                modeling.updateProperties(element, { extensionElements: extensions });
            }
            let { properties, property } = promisedDaysOf(task);
            if (!days) {
                if (properties && property) {
                    modeling.updateModdleProperties(element, properties, {
                        values: properties.values!.filter(p => p !== property),
                    });
                }
                return;
            }
            if (!properties) {
                properties = moddle.create('camunda:Properties', { values: [] });
                modeling.updateModdleProperties(element, extensions, { values: [...(extensions.values ?? []), properties] });
            }
            if (property) {
                modeling.updateModdleProperties(element, property, { value: days });
            } else {
                property = moddle.create('camunda:Property', { name: 'promisedDays', value: days });
                modeling.updateModdleProperties(element, properties, { values: [...(properties.values ?? []), property] });
            }
        },
    }));

    return (
        <Box
            ref={container}
            role="application"
            aria-label={label}
            sx={{ height: '100%', minHeight: 480, border: 1, borderColor: 'divider', borderRadius: 1 }}
        />
    );
};

export default ModelCanvas;
