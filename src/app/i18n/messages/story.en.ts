// English messages of the story (#recit): the report read chapter by chapter, the map following.
import type { story as fr } from './story.fr';

export const story: Record<keyof typeof fr, string> = {
  'story.subtitle': 'The report as a story, chapter by chapter',
  'story.title': 'The sustainable development report, as a story',
  'story.intro':
    'Each chapter is one card of the report, in its order: what it says, its key figures with the report’s own words, and what the map shows of it. The map follows your reading; the text reads without it too.',
  'story.nav': 'Chapters of the story',
  'story.chapter': 'Chapter {n} of {total}',
  'story.figures': 'Key figures',
  'story.figures.none': 'The report gives no figure for this chapter.',
  'story.onMap': 'On the map',
  'story.onMap.none': 'This chapter draws on no layer of the map: the map shows the territory.',
  'story.openCard': 'Open the card on the interactive map',
  'story.next': 'Next chapter: {title}',
  'story.mapLabel': 'Map of the chapter « {title} » (an illustration; everything it shows is said in the text)',
  'story.mapCaption': 'Map: {layers}',
  'story.loading': 'Reading the report’s cards…',
  'story.error': 'The report’s cards could not be read: ',
  'story.end': 'End of the story.',
  'story.entry': 'Read the report as a story, chapter by chapter, the map following your reading',
};
