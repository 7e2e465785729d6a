/** Shapes of the backend's REST API (/api). */

export type FieldType = 'text' | 'idNumber' | 'phone' | 'date' | 'select';

export interface BundleField {
    code: string;
    label: string;
    type: FieldType;
    options?: string[];
    required: boolean;
}

export interface BundleMaterial {
    code: string;
    name: string;
    accept: string[];
    maxSizeMb: number;
    requiredBy: string[];
}

export interface BundleItem {
    code: string;
    name: string;
    department: string;
    departmentName: string;
    promisedDays: number;
    dependsOn: string[];
    fields: string[];
    materials: string[];
}

export interface Bundle {
    id: string;
    code: string;
    name: string;
    description: string;
    promisedDays: number;
    itemCount: number;
}

export interface BundleDetail extends Omit<Bundle, 'itemCount'> {
    fields: BundleField[];
    materials: BundleMaterial[];
    items: BundleItem[];
}

export type PrefillSource = 'profile' | 'earlierCase';

export interface Prefill {
    values: Record<string, string>;
    sources: Record<string, PrefillSource>;
}

export interface UploadedMaterial {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
}

export type CaseStatus = 'IN_PROGRESS' | 'COMPLETED';

export type ItemStatus =
    | 'WAITING'
    | 'IN_PROGRESS'
    | 'SUPPLEMENT'
    | 'APPROVED'
    | 'REJECTED'
    | 'SKIPPED';

export interface CaseSummary {
    id: string;
    number: string;
    bundleCode: string;
    bundleName: string;
    applicantName: string;
    status: CaseStatus;
    submittedAt: string;
    completedAt: string | null;
    itemsDone: number;
    itemsTotal: number;
}

export interface CaseMaterial {
    code: string;
    name: string;
    materialId: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
}

export interface SupplementRequest {
    missing: string[];
    comment: string | null;
    requestedAt: string;
}

export interface CaseItem {
    code: string;
    name: string;
    department: string;
    departmentName: string;
    status: ItemStatus;
    comment: string | null;
    startedAt: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
    supplement: SupplementRequest | null;
}

export interface TimelineEntry {
    at: string;
    type: string;
    itemCode: string | null;
    actor: string | null;
    message: string;
}

export interface CaseDetail extends Omit<CaseSummary, 'itemsDone' | 'itemsTotal'> {
    form: Record<string, string>;
    materials: CaseMaterial[];
    items: CaseItem[];
    timeline: TimelineEntry[];
}

export interface SupplementAnswer {
    itemCode: string;
    form: Record<string, unknown>;
    materials: Record<string, unknown>;
    comment?: string;
}

export interface DiagramState {
    xml: string;
    activeActivityIds: string[];
    completedActivityIds: string[];
}

export interface Task {
    id: string;
    name: string;
    itemCode: string;
    caseId: string;
    caseNumber: string;
    bundleName: string;
    department: string;
    departmentName: string;
    applicantName: string;
    created: string;
    due: string | null;
    assignee: string | null;
}

/** A task as the task page needs it: the task with the case it belongs to. */
export interface TaskDetail extends Task {
    case: CaseDetail;
}

export type DecisionKind = 'approve' | 'reject' | 'return';

export interface Decision {
    decision: DecisionKind;
    comment?: string;
    missing?: string[];
}

export interface Me {
    id: string;
    username: string;
    name: string;
    roles: string[];
    departments: { code: string; name: string }[];
}

/** RFC 9457 problem details, with the field errors of a validation problem. */
export interface Problem {
    type?: string;
    title?: string;
    status?: number;
    detail?: string;
    errors?: { field: string; rule?: string; message: string }[];
}

export interface Permissions {
    roles: string[];
    departments?: string[];
}
