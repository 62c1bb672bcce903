// The style classes' predicates as QGIS rule expressions, checked against the atlas's own choice of
// class on every feature.
import { findSublayer } from '../../../layers/index';
import type { GeoFeature, StyleClass } from '../../../layers/types';

/**
 * The style classes' `when` predicates are JavaScript; QGIS needs them as expressions. Each one is
 * written here as a property test, and the build checks on every feature that the test picks the
 * same class as the predicate (so a predicate changed without its rule stops the build).
 */
export const CLASS_RULES: Record<string, { field: string; equals: string | number | boolean }> = {
  'cites/erbm': { field: 'erbm', equals: true },
  'cites/unesco': { field: 'unesco', equals: true },
  'parcs-terrils/terril-unesco': { field: 'unesco', equals: true },
  'dechets-etablissements/adresse': { field: 'precision', equals: 'adresse' },
  'dechets-etablissements/arrondie': { field: 'precision', equals: 'arrondie' },
  'tvb-cours-d-eau/canal': { field: 'categorie', equals: 'canal' },
  'tvb-cours-d-eau/cours-d-eau': { field: 'categorie', equals: 'cours-d-eau' },
};

const ruleKey = (sublayerId: string, classId: string) => `${sublayerId}/${classId}`;

function ruleOf(sublayerId: string, c: StyleClass) {
  // A sublayer drawn from another one's file (the TVB's green corridors) takes that sublayer's rules.
  const from = findSublayer(sublayerId)?.sublayer.from;
  const rule = CLASS_RULES[ruleKey(sublayerId, c.id)] ?? (from ? CLASS_RULES[ruleKey(from, c.id)] : undefined);
  if (!rule) throw new Error(`projet QGIS : la classe « ${c.id} » de « ${sublayerId} » n'a pas de règle QGIS (scripts/geodata/qgis/rules.ts)`);
  return rule;
}

const matches = (rule: { field: string; equals: unknown }, properties: Record<string, unknown>) => properties[rule.field] === rule.equals;

/** Index of the class the atlas draws a feature with (first `when` that matches, else the class without one). */
export function classIndex(classes: StyleClass[], properties: Record<string, unknown>): number {
  return classes.findIndex((c) => !c.when || c.when(properties));
}

/** Checks the QGIS rules against the JS predicates on every feature; throws in French on the first disagreement. */
export function checkRules(sublayerId: string, classes: StyleClass[], features: GeoFeature[]): void {
  for (const f of features) {
    const props = f.properties ?? {};
    const byJs = classIndex(classes, props);
    const byRule = classes.findIndex((c) => !c.when || matches(ruleOf(sublayerId, c), props));
    if (byJs !== byRule)
      throw new Error(
        `projet QGIS : pour « ${sublayerId} », la règle QGIS classe une entité en « ${classes[byRule]?.id} » et l'atlas en « ${classes[byJs]?.id} »`,
      );
  }
}

const literal = (v: string | number | boolean) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** QGIS expression of a class: its own test and none of the earlier ones (the atlas keeps the first match). */
export function classExpression(sublayerId: string, classes: StyleClass[], index: number): string | null {
  const test = (c: StyleClass) => {
    const r = ruleOf(sublayerId, c);
    return `coalesce("${r.field}" = ${literal(r.equals)}, false)`;
  };
  const before = classes.slice(0, index).filter((c) => c.when);
  const own = classes[index].when ? [test(classes[index])] : [];
  const parts = [...own, ...before.map((c) => `NOT ${test(c)}`)];
  return parts.length ? parts.join(' AND ') : null;
}
