// The platform's API for the browser tests' set-up steps (what another test already walks through the UI),
// with tokens from Keycloak. Not a test file itself.
import assert from 'node:assert/strict';
import { pdfBytes, pngBytes } from './files.mjs';
import { BASE_URL, PASSWORD } from './ui.mjs';

const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://localhost:8180';

/** The platform's API as `user`, with a token from Keycloak (direct grant of the web client). */
export const api = async (user, method, path, body) => {
    const token = await fetch(`${KEYCLOAK}/realms/onething/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', client_id: 'onething-web', username: user, password: PASSWORD }),
    }).then(r => r.json());
    const headers = { Authorization: `Bearer ${token.access_token}` };
    let payload = body;
    if (body && !(body instanceof FormData)) {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
    }
    const response = await fetch(`${BASE_URL}/api${path}`, { method, headers, body: payload });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} as ${user}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
};

/** A citizen's 出生一件事 through the API (the UI's form is walked in birth.e2e-test.mjs); citizen1's by default. */
export const fileBirthCase = async (citizen = 'citizen1') => {
    const upload = async (name, type, bytes) => {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type }), name);
        return (await api(citizen, 'POST', '/materials', form)).id;
    };
    const pdf = name => upload(name, 'application/pdf', pdfBytes(name));
    const files = {
        deliveryRecord: () => pdf('delivery-record.pdf'),
        parentsIdCards: () => pdf('parents-id-cards.pdf'),
        householdBook: () => pdf('household-book.pdf'),
        marriageCertificate: () => pdf('marriage-certificate.pdf'),
        babyPhoto: () => upload('baby.png', 'image/png', pngBytes()),
    };
    // only what the latest model asks (a manager may have taken a material off: 减材料) of a single birth in the city
    const asked = (await api(citizen, 'GET', '/bundles/birth')).materials
        .filter(m => m.requiredBy.length > 0 && !m.when);
    const materials = {};
    for (const { code } of asked) materials[code] = await files[code]();
    const form = {
        applicantName: '张三', applicantIdNumber: '110101199003070011', applicantPhone: '13800000001',
        relationship: '父亲', babyName: '张时限', babyGender: '女', birthDate: '2026-09-01',
        birthHospital: '市第一人民医院', motherName: '王丽', motherIdNumber: '110105199205120027', fatherName: '张三',
        fatherIdNumber: '110101199003070011', householdAddress: '北京市东城区东华门街道 1 号',
        residenceAddress: '北京市东城区东华门街道 1 号', bankAccount: '6222020200001234567',
    };
    return api(citizen, 'POST', '/cases', { bundleCode: 'birth', form, materials });
};

export const taskOf = async (officer, caseId, itemCode) =>
    (await api(officer, 'GET', '/tasks?size=200')).items.find(t => t.caseId === caseId && t.itemCode === itemCode);

/** An officer approves an item of the case through the inbox API. */
export const approve = async (officer, caseId, itemCode) => {
    const task = await taskOf(officer, caseId, itemCode);
    assert.ok(task, `${officer} has no task ${itemCode} of ${caseId}`);
    await api(officer, 'POST', `/tasks/${task.id}/complete`, { decision: 'approve', comment: '同意' });
};

/** enterprise1 files 职业健康一件事 through the API and the three reviews approve it: the joint inspection starts. */
export const fileRadiationCase = async () => {
    const materials = {};
    for (const code of ['medicalInstitutionLicence', 'equipmentList', 'shieldingReport', 'environmentReport',
        'workerHealthRecords']) {
        const form = new FormData();
        form.append('file', new Blob([pdfBytes(code)], { type: 'application/pdf' }), `${code}.pdf`);
        materials[code] = (await api('enterprise1', 'POST', '/materials', form)).id;
    }
    const form = {
        enterpriseName: '康宁口腔医院有限公司', creditCode: '91310104MA1FR0XC2K', legalRepresentative: '陈康宁',
        contactPhone: '13900000001', institutionAddress: '上海市徐汇区漕溪北路 88 号',
        practiceLicenceNumber: 'PDY00001231010417A1002', radiationScope: 'X射线影像诊断', radiationWorkerList: '李放、王射',
    };
    const caseFile = await api('enterprise1', 'POST', '/cases', { bundleCode: 'occupational-health', form, materials });
    await approve('officer-health', caseFile.id, 'radiationDiagnosis');
    await approve('officer-health', caseFile.id, 'radiationWorkers');
    await approve('officer-ecology', caseFile.id, 'radiationSafety');
    return caseFile;
};
