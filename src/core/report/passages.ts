// The report's text as searchable passages: each sentence (or list item, or sub-heading) of a
// section that a card covers, attributed to that card. Built by the data pipeline from the report
// (never committed), read by the app's search. Pure: markdown text in, passages out.

export interface ReportPassage {
  /** Id of the card whose section the sentence stands under. */
  card: string;
  /** The heading directly above the sentence (the card's section or one of its sub-headings). */
  heading: string;
  text: string;
}

export interface ReportTextFile {
  version: 1;
  passages: ReportPassage[];
}

/** What the passages need of a card: its id and the report heading it covers. */
export interface SectionOwner {
  id: string;
  section: string;
}

/** Markdown emphasis, links and HTML tags removed, white space folded: the text as a reader sees it. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<sup>2<\/sup>/g, '²')
      .replace(/<sup>3<\/sup>/g, '³')
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__/g, '')
      // Single-asterisk italics (*mot*), not a lone asterisk.
      .replace(/(^|[\s(«])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:»]|$)/gm, '$1$2')
      .replace(/\\([-*_#.()[\]])/g, '$1')
      .replace(/[\u00a0\u202f\t ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Heading text as compared with a card's `section`: plain, folded white space. */
export const headingKey = (text: string): string => plainText(text);

/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:M|Mme|MM|Dr|St|Ste|n°|cf|etc|av|bd|[A-Z])\.$/;

/** Sentences of a paragraph: a stop (. ! ? …) followed by a capital, a digit or « starts a new one. */
export function sentencesOf(paragraph: string): string[] {
  const pieces = paragraph.split(/(?<=[.!?…])\s+(?=[«"“A-ZÀÂÄÇÉÈÊËÎÏÔÖÛÜŒ0-9])/u);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last])) sentences[last] = `${sentences[last]} ${piece}`;
    else sentences.push(piece);
  }
  return sentences.map((s) => s.trim()).filter((s) => /\p{L}.*\p{L}.*\p{L}/u.test(s));
}

const HEADING = /^(#{1,6})\s+(.*)$/;
/** Bullets the PDF left at the start of headings (« • Expérimentation du compostage »). */
const BULLETS = /^[\s•◆♦▪►⇒–-]+/u;
const LIST_ITEM = /^\s*(?:[-*+•◆♦▪►]|\d+[.)])\s+/;

/**
 * Paragraphs and list items of a run of markdown lines. A paragraph that starts in lower case
 * continues the previous one (the PDF's page breaks cut sentences in two).
 */
function blocksOf(lines: string[]): string[] {
  const text = lines.join('\n').replace(/<(?:\/?(?:li|p|ul|ol)|br)\b[^>]*>/gi, '\n\n');
  const blocks: { text: string; item: boolean }[] = [];
  let current: { text: string; item: boolean } | null = null;
  const flush = () => {
    if (current && current.text.trim()) blocks.push(current);
    current = null;
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      current = { text: line.replace(LIST_ITEM, ''), item: true };
      continue;
    }
    if (current) current.text += `\n${line}`;
    else {
      const plain = plainText(line);
      const previous = blocks[blocks.length - 1];
      if (previous && !previous.item && /^\p{Ll}/u.test(plain)) current = blocks.pop()!;
      if (current) current.text += `\n${line}`;
      else current = { text: line, item: false };
    }
  }
  flush();
  return blocks.map((b) => plainText(b.text)).filter(Boolean);
}

/**
 * Every passage of the sections the cards cover. A line belongs to the deepest enclosing heading
 * that is some card's section, so a sub-section with a card of its own (« Port Fluvial de Harnes »
 * within « 3–Une attractivité confirmée… ») is not also given to the wider card. A heading that
 * occurs twice gives both its bodies; a section named by two cards gives its passages to both.
 */
export function reportPassages(markdown: string, cards: SectionOwner[]): ReportPassage[] {
  // Headings that recur in many sections (« Chiffres clés », « Perspectives »…) are structure, not text.
  const headingCounts = new Map<string, number>();
  for (const line of markdown.split('\n')) {
    const m = HEADING.exec(line);
    if (m) headingCounts.set(headingKey(m[2]), (headingCounts.get(headingKey(m[2])) ?? 0) + 1);
  }
  const owners = new Map<string, string[]>();
  for (const card of cards) {
    const key = headingKey(card.section);
    owners.set(key, [...(owners.get(key) ?? []), card.id]);
  }
  const passages: ReportPassage[] = [];
  // Open headings, outermost first: their level, text and the cards that own them.
  const stack: { level: number; text: string; cards: string[] }[] = [];
  let pending: string[] = [];
  const ownerOf = () => [...stack].reverse().find((h) => h.cards.length > 0);
  const emit = () => {
    const owner = ownerOf();
    if (owner && pending.length) {
      const heading = stack[stack.length - 1].text.replace(BULLETS, '');
      for (const block of blocksOf(pending))
        for (const text of sentencesOf(block)) for (const card of owner.cards) passages.push({ card, heading, text });
    }
    pending = [];
  };
  for (const line of markdown.split('\n')) {
    const m = HEADING.exec(line);
    if (!m) {
      pending.push(line);
      continue;
    }
    emit();
    const level = m[1].length;
    const text = headingKey(m[2]);
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const cardsOfHeading = owners.get(text) ?? [];
    // A sub-heading is text of the section too (« Expérimentation du compostage domestique »).
    const owner = ownerOf();
    const shown = text.replace(BULLETS, '');
    if (cardsOfHeading.length === 0 && owner && (headingCounts.get(text) ?? 0) <= 2 && /\p{L}{3}/u.test(shown))
      for (const card of owner.cards) passages.push({ card, heading: shown, text: shown });
    stack.push({ level, text, cards: cardsOfHeading });
  }
  emit();
  return passages;
}

/** Cards whose `section` names no heading of the report: their text cannot be indexed. */
export function sectionsNotFound(markdown: string, cards: SectionOwner[]): SectionOwner[] {
  const headings = new Set(markdown.split('\n').flatMap((l) => (HEADING.test(l) ? [headingKey(HEADING.exec(l)![2])] : [])));
  return cards.filter((c) => !headings.has(headingKey(c.section)));
}
