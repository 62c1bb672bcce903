// No user-visible text is written in the components: JSX text, text-bearing attributes (aria-label,
// title, placeholder, alt, label…) and string literals rendered as children must come from the
// message catalogues (src/app/i18n/messages). Parsed with the TypeScript compiler, not with regular
// expressions, so that code (ids, class names, conditions) is never mistaken for text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Attributes whose value is read or shown to users. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'subtitle',
  'summary',
  'caption',
]);

/**
 * Literal text that is not a translation matter: symbols, and words that are the same in every
 * language (language names in their own language, product and format names).
 */
const ALLOWED = new Set(['FR', 'EN', 'Français', 'English', 'GeoJSON', 'FlatGeobuf', 'KML', 'CSV', 'km', 'ha', 'm', 'm²']);

/** A message key passed to a component (`title="a11y.status.title"`) is not text. */
const isKey = (text: string): boolean => /^[a-z0-9]+(\.[a-zA-Z0-9]+)+$/.test(text);
const hasWords = (text: string): boolean => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim()) && !isKey(text);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** String literals an expression can evaluate to, through conditions and concatenations (not calls). */
function literals(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text), ...node.templateSpans.flatMap((s) => literals(s.expression))];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    // `a && 'text'` renders the right side only; comparisons (`x === 'ok'`) render nothing.
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literals(node.right);
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
      return [...literals(node.left), ...literals(node.right)];
    return [];
  }
  return [];
}

function findings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) out.push(`${where(node)} text « ${node.text.trim()} »`);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const text of literals(node.expression)) if (hasWords(text)) out.push(`${where(node)} child « ${text} »`);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const texts = ts.isStringLiteral(init) ? [init.text] : ts.isJsxExpression(init) && init.expression ? literals(init.expression) : [];
      for (const text of texts) if (hasWords(text)) out.push(`${where(node)} ${node.name.getText(source)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('no text literal in the components', () => {
  const files = tsxFiles(SRC);

  it('finds the components (the scan looks at real files)', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('every user-visible text in src/**/*.tsx comes from the catalogues', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });

  it('would catch a French literal (the scanner works)', () => {
    const probe = join(SRC, 'app', 'ui', 'Badge.tsx');
    expect(findings(probe)).toEqual([]);
    const source = ts.createSourceFile(
      'x.tsx',
      '<p title="Fermer">Bonjour {ok ? "Oui" : t("a")}</p>',
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    let count = 0;
    const visit = (node: ts.Node) => {
      if (ts.isJsxText(node) && hasWords(node.text)) count++;
      if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) count += literals(node.expression).filter(hasWords).length;
      if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer) && hasWords(node.initializer.text)) count++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(count).toBe(3);
  });
});
