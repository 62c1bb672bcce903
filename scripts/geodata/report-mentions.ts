// The report's sentences that name a commune, each with the heading it stands under. The report
// is read at build time from ../shared/report (never copied into the repository); the sentences
// are quoted as a reader sees them (markdown emphasis and HTML tags removed, spaces folded).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { placeKey, type ReportQuote } from '../../layers/commune-profile';

export const REPORT_FILE_NAME = 'rapport-developpement-durable-2019-2020.md';

/** Where the report is read from: REPORT_DIR, or ../shared/report beside the project. */
export function reportPath(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(env.REPORT_DIR ? resolve(env.REPORT_DIR) : resolve(projectRoot, '..', 'shared', 'report'), REPORT_FILE_NAME);
}

/** The report's digest, so that a new report rebuilds the quotes; empty when it is absent. */
export function reportDigest(projectRoot: string): string {
  const file = reportPath(projectRoot);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'sans-rapport';
}

/** What a reader sees of a markdown line: emphasis and tags removed, spaces folded (as the report tests read it). */
export function plainText(text: string): string {
  return text
    .replace(/<sup>2<\/sup>/g, '²')
    .replace(/<sup>3<\/sup>/g, '³')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(«])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:»]|$)/gm, '$1$2')
    .replace(/[\u00a0\u202f\t ]+/g, ' ')
    .trim();
}

interface Paragraph {
  text: string;
  line: number;
  path: string[];
}

/** Paragraphs (blank-line separated, table cells apart) with the chain of headings above each. */
export function paragraphs(markdown: string): Paragraph[] {
  const lines = markdown.split('\n');
  const out: Paragraph[] = [];
  const path: string[] = [];
  let current: string[] = [];
  let start = 0;
  const flush = () => {
    // A list marker is layout, not words of the sentence.
    const text = plainText(current.join(' ')).replace(/^(?:(?:\\?[-*+•◆♦]|\d+[.)])\s+)+/u, '');
    if (text) out.push({ text, line: start + 1, path: [...path] });
    current = [];
  };
  lines.forEach((line, i) => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      path.length = Math.min(path.length, level - 1);
      while (path.length < level - 1) path.push('');
      path.push(plainText(heading[2]));
      return;
    }
    // Table cells are separate statements: never join two cells into one sentence.
    if (/<\/?(tr|td|th|table)\b/i.test(line)) {
      flush();
      for (const cell of line.split(/<\/t[dhr]>/i)) {
        current = [cell];
        start = i;
        flush();
      }
      return;
    }
    if (line.trim() === '') return flush();
    // A list item starts a new statement.
    if (/^\s*([•◆♦]|[-*+] |\d+[.)] )/.test(line)) flush();
    if (current.length === 0) start = i;
    current.push(line);
  });
  flush();
  return out;
}

/** Sentences of a paragraph: cut after . ! ? … followed by a capital, a quote or a digit. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[«"A-ZÀ-ÝŒ0-9])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Names that contain a commune's name but designate something else (the CALL, the museum...). */
const NOT_THE_COMMUNE = ['LENS LIEVIN', 'LIEVIN LENS', 'LOUVRE LENS', 'RACING CLUB DE LENS', 'RC LENS'].map((n) => ` ${n} `);

/**
 * Which of the names a sentence names. Longer names are found first and masked, so that
 * « Fouquières-lès-Lens » does not also count as Lens, nor « Lens-Liévin » (the CALL) as either.
 */
export function namedIn(sentence: string, names: string[]): string[] {
  let key = placeKey(sentence);
  for (const n of NOT_THE_COMMUNE) key = key.split(n).join(' # ');
  const found: string[] = [];
  for (const name of [...names].sort((a, b) => placeKey(b).length - placeKey(a).length)) {
    const k = placeKey(name);
    if (key.includes(k)) {
      found.push(name);
      key = key.split(k).join(' # ');
    }
  }
  return found;
}

export interface ReportMentions {
  file: string;
  sha256: string;
  byCommune: Map<string, ReportQuote[]>;
}

/** Every sentence of the report naming each commune; null when the report is not there. */
export function reportMentions(projectRoot: string, names: string[]): ReportMentions | null {
  const file = reportPath(projectRoot);
  if (!existsSync(file)) return null;
  const markdown = readFileSync(file, 'utf8');
  const byCommune = new Map<string, ReportQuote[]>(names.map((n) => [n, []]));
  for (const p of paragraphs(markdown)) {
    const section = [...p.path].reverse().find((h) => h !== '') ?? '';
    for (const sentence of sentences(p.text)) {
      for (const name of namedIn(sentence, names)) {
        const list = byCommune.get(name)!;
        if (!list.some((q) => q.quote === sentence && q.section === section))
          list.push({ quote: sentence, section, path: p.path.filter(Boolean), line: p.line });
      }
    }
  }
  return { file: REPORT_FILE_NAME, sha256: createHash('sha256').update(markdown).digest('hex'), byCommune };
}
