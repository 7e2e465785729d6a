import type { BundleDetail, BundleField, BundleItem, BundleMaterial } from '../types';

export interface FieldGroup {
    item: BundleItem;
    fields: BundleField[];
}

/**
 * Groups the form's fields by the first item that needs them, in the bundle's item order:
 * each field is asked once, under the item that explains why it is asked.
 */
export const groupFields = ({ fields, items }: BundleDetail): FieldGroup[] => {
    const firstItem = (field: BundleField) => items.find(item => item.fields.includes(field.code));
    return items
        .map(item => ({ item, fields: fields.filter(field => firstItem(field) === item) }))
        .filter(group => group.fields.length > 0);
};

/** Field labels and material names by code. */
export const labelsOf = ({ fields, materials }: Pick<BundleDetail, 'fields' | 'materials'>) =>
    Object.fromEntries([
        ...fields.map(field => [field.code, field.label]),
        ...materials.map(material => [material.code, material.name]),
    ]) as Record<string, string>;

const pick = (values: Record<string, unknown>, codes: string[]) =>
    Object.fromEntries(codes.filter(code => code in values).map(code => [code, values[code]]));

/**
 * Splits a form's flat values (inputs are named by field code and material code) into the API's
 * `form` (field values) and `materials` (material code → uploaded material id).
 */
export const splitValues = (
    values: Record<string, unknown>,
    fields: BundleField[],
    materials: BundleMaterial[]
) => ({
    form: pick(values, fields.map(field => field.code)),
    materials: pick(values, materials.map(material => material.code)),
});

/**
 * What the form asks: the fields and materials some item needs. The pools hold more when a manager has taken
 * one off every item in the bundle's model (减材料); the server refuses what it does not ask.
 */
export const askedFields = ({ fields, items }: Pick<BundleDetail, 'fields' | 'items'>) =>
    fields.filter(field => items.some(item => item.fields.includes(field.code)));

export const askedMaterials = ({ materials }: Pick<BundleDetail, 'materials'>) =>
    materials.filter(material => material.requiredBy.length > 0);

/** Whether the answers so far call for the material (one with a `when` only given that answer). */
export const materialApplies = (material: BundleMaterial, values: Record<string, unknown>) =>
    !material.when || material.when.in.includes(String(values[material.when.field] ?? ''));

/** 材料预判: the materials these answers call for. */
export const neededMaterials = (bundle: Pick<BundleDetail, 'materials'>, values: Record<string, unknown>) =>
    askedMaterials(bundle).filter(material => materialApplies(material, values));

/**
 * The body of POST /api/cases from the application form's values; a material uploaded before an answer changed
 * so that it is no longer asked is left out.
 */
export const toCaseBody = (bundle: BundleDetail) => (values: Record<string, unknown>) => ({
    bundleCode: bundle.code,
    ...splitValues(values, askedFields(bundle), neededMaterials(bundle, values)),
});
