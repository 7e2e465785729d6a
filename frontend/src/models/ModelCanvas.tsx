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
import {
    type Editing,
    type SelectedElement,
    selectedOf,
    setTaskProperty,
    setTimerDays,
    type Shape,
    type TaskProperty,
} from './elementProperties';
import { markersOf } from './modelProblems';
import './ModelCanvas.css';

/**
 * What the pages ask of the diagram: the edited XML, showing one element, a user task's 办理部门 and camunda
 * properties, a timer's working days.
 */
export interface ModelCanvasHandle {
    saveXml(): Promise<string>;
    focus(elementId: string): void;
    setCandidateGroups(elementId: string, groups: string): void;
    /** null removes the property (the catalog's default applies) */
    setTaskProperty(elementId: string, name: TaskProperty, value: string | null): void;
    setTimerDays(elementId: string, days: number): void;
}

/** An element of the diagram clicked in the viewer: a flow node (task, event, gateway). */
export interface ClickedElement {
    id: string;
    name: string | null;
}

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
    onSelect,
    onClickElement,
    ref,
}: {
    xml: string;
    editable?: boolean;
    problems?: ModelProblem[];
    /** how the cases of this version stand, per element: a badge each, and heat by average time spent */
    figures?: ElementFigures[];
    label: string;
    onError?: (error: Error) => void;
    /** the editor's element selected alone, a user task or a timer event (null: anything else or nothing) */
    onSelect?: (element: SelectedElement | null) => void;
    /** the viewer's flow node clicked (null: anything else, e.g. the background) */
    onClickElement?: (element: ClickedElement | null) => void;
    ref?: Ref<ModelCanvasHandle>;
}) => {
    const container = useRef<HTMLDivElement>(null);
    const modeler = useRef<Modeler | NavigatedViewer | null>(null);
    // the import is asynchronous: markers wait for it
    const imported = useRef<Promise<unknown>>(Promise.resolve());
    const marked = useRef<Map<string, string>>(new Map());
    // the latest callbacks, without drawing the diagram again when they change
    const select = useRef(onSelect);
    select.current = onSelect;
    const click = useRef(onClickElement);
    click.current = onClickElement;

    useEffect(() => {
        const Kind = editable ? Modeler : NavigatedViewer;
        // the camunda extension, so that a task's camunda:properties can be written (promisedDays, fields, …)
        const instance = new Kind({ container: container.current!, moddleExtensions: { camunda: camundaModdle } });
        modeler.current = instance;
        marked.current = new Map();
        if (editable) {
            instance.on('selection.changed', ({ newSelection }: { newSelection: Shape[] }) => {
                select.current?.(newSelection.length === 1 ? selectedOf(newSelection[0]) : null);
            });
        } else {
            instance.on('element.click', ({ element: { businessObject: clicked } }: { element: Shape }) => {
                // a label has its element's model (and id); the background is the process, a connection no node
                click.current?.(
                    clicked.$instanceOf('bpmn:FlowNode') ? { id: clicked.id!, name: clicked.name ?? null } : null
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

    /** Changes an element of the editor through bpmn-js's modeling API (undoable). */
    const edit = (elementId: string, change: (editing: Editing, element: Shape) => void) => {
        const instance = modeler.current;
        const element = instance?.get<{ get(id: string): Shape | undefined }>('elementRegistry').get(elementId);
        if (!instance || !element) return;
        change({ moddle: instance.get('moddle'), modeling: instance.get('modeling') }, element);
    };

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
        // written as the camunda:candidateGroups attribute (none when empty)
        setCandidateGroups: (elementId, groups) =>
            edit(elementId, ({ modeling }, element) =>
                modeling.updateProperties(element, { 'camunda:candidateGroups': groups || undefined })
            ),
        setTaskProperty: (elementId, name, value) =>
            edit(elementId, (editing, element) => setTaskProperty(editing, element, name, value)),
        setTimerDays: (elementId, days) => edit(elementId, (editing, element) => setTimerDays(editing, element, days)),
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
