import type { Catalogue } from '../types';
import type { a11y as fr } from './a11y.fr';

export const a11y: Catalogue<typeof fr> = {
  'a11y.skip.label': 'Skip links',
  'a11y.skip.search': 'Skip to the search',
  'a11y.skip.map': 'Skip to the map',
  'a11y.skip.panel': 'Skip to the layers panel',
  'a11y.skip.content': 'Skip to the content',
  'a11y.link': 'Accessibility: partially compliant',

  'a11y.layerShown': 'Layer “{title}” shown',
  'a11y.layerHidden': 'Layer “{title}” hidden',
  'a11y.sublayerShown': 'Sublayer “{title}” shown',
  'a11y.sublayerHidden': 'Sublayer “{title}” hidden',
  'a11y.visibleCount.one': '{n} feature visible',
  'a11y.visibleCount.other': '{n} features visible',

  'a11y.page.title': 'Accessibility statement',
  'a11y.page.subtitle': 'Accessibility statement',
  'a11y.page.intro':
    'The Lens-Liévin urban community (Communauté d’Agglomération de Lens-Liévin) is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005. This statement applies to the Atlas Lens-Liévin.',
  'a11y.page.date': 'Statement written on {date}, from the checks described above.',
  'a11y.status.title': 'Compliance status',
  'a11y.status.text':
    'The Atlas Lens-Liévin is partially compliant with the French accessibility framework RGAA 4.1, which takes up the WCAG 2.1 level AA success criteria, because of the limits listed below.',
  'a11y.status.audit':
    'No full RGAA audit has been carried out by an independent body yet: the checks described here were made by the team that develops the atlas.',
  'a11y.checked.title': 'What was checked, and how',
  'a11y.checked.axeTitle': 'Automated tests (axe-core)',
  'a11y.checked.axe':
    'The browser tests run axe-core {version} (rules tagged {tags}) in {browser}, on each of the following views, in French and in English:',
  'a11y.checked.axeResult': 'Result: no violation on these views. axe-core only detects part of the problems: the checks below complement it.',
  'a11y.checked.keyboardTitle': 'Keyboard',
  'a11y.checked.keyboard':
    'Automated tests drive the atlas with the keyboard only and check, at every step, where the focus is and what is announced:',
  'a11y.keyboard.skip': 'skip links to the search, the map and the panel, first in the tab order;',
  'a11y.keyboard.search':
    'search (list of suggestions): typing without accents (“lievin” finds Liévin), arrow keys, Enter, Escape; the number of results is announced; the chosen result is framed and its sheet opens;',
  'a11y.keyboard.tabs': 'panel tabs (Layers, Report, Workbench): left and right arrows, Home, End;',
  'a11y.keyboard.table':
    'table of every layer: sorting by column (state announced through aria-sort), filter, and the name of each feature selects it on the map and frames it;',
  'a11y.keyboard.feature': 'feature sheet: the focus goes to its title when it opens, Escape closes it and gives the focus back where it came from;',
  'a11y.keyboard.card': 'report card: opened from the list or the search, back to the list with the focus on the card just left;',
  'a11y.keyboard.workbench': 'workbench: measuring a distance or an area without a mouse, by adding the centre of the map.',
  'a11y.checked.srTitle': 'Screen readers',
  'a11y.checked.sr':
    'No test has been made with a screen reader yet (NVDA, JAWS, VoiceOver, TalkBack). The tests check Chromium’s accessibility tree: roles and accessible names of buttons, tabs, checkboxes, search options, states (aria-selected, aria-expanded, aria-sort, aria-pressed), the language of content left in French, and the text of the announcement region (for instance “412 features visible” when a layer is shown).',
  'a11y.checked.layoutTitle': 'Small screens, zoom, contrast, motion',
  'a11y.checked.layout':
    'The tests open the atlas at 320 × 640 and 360 × 740 pixels (the equivalent of a 400 % and over 200 % zoom on a desktop screen): no horizontal scrolling of the page, the panel as a bottom sheet that leaves the map visible, touch targets of at least 44 × 44 pixels, finding a municipality, showing a layer, reading a card and a feature’s details. Text contrast (at least 4.5:1) is checked by axe-core; every legend class has a pattern, a dash or a shape besides its colour. Animated map moves are skipped when the system asks for reduced motion.',
  'a11y.limits.title': 'Known limits',
  'a11y.limits.map':
    'The map itself is an image (WebGL): a screen reader does not read its content. Its text equivalent is the table of each layer, and the sheet of the chosen feature.',
  'a11y.limits.tiles': 'Online basemaps (Plan IGN, OpenStreetMap) are tile images whose place names are not text.',
  'a11y.limits.french':
    'In English, the report’s content (card titles, quotes, figure labels), the names and values of features, some notes of the data catalogue, the workbench importer’s messages and data loading errors stay in French; they are marked as such (lang attribute) so that speech synthesis pronounces them correctly.',
  'a11y.limits.symbols':
    'The contrast of the symbols drawn on the map (lines, fills) is not measured by axe-core; legend classes also differ by a pattern or a shape.',
  'a11y.limits.sr': 'The atlas has not yet been tested with a screen reader nor by people with disabilities.',
  'a11y.limits.dragDrop':
    'Dropping files on the map (workbench) needs a mouse; the “Choose files…” button offers the same function from the keyboard.',
  'a11y.tech.title': 'Technologies used',
  'a11y.tech.text': 'HTML, CSS, JavaScript (React), SVG, WebGL (MapLibre GL JS and deck.gl), WAI-ARIA.',
  'a11y.contact.title': 'Feedback and contact',
  'a11y.contact.text':
    'If you cannot access some content or service of the atlas, contact the Lens-Liévin urban community (website agglo-lenslievin.fr) to be directed to an accessible alternative or to get the content in another form.',
  'a11y.remedy.title': 'Remedies',
  'a11y.remedy.text':
    'If you reported an accessibility defect that prevents you from accessing some content or service and did not get a satisfactory answer, you can refer the matter to the Défenseur des droits (French rights ombudsman):',
  'a11y.remedy.form': 'write to the Défenseur des droits through its online form (in French)',
  'a11y.remedy.delegate': 'contact the Défenseur des droits’ delegate in your region;',
  'a11y.remedy.mail': 'send a letter (free of charge, no stamp): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',

  'a11y.view.map': 'the map with the layers panel;',
  'a11y.view.feature': 'a feature sheet open on the map;',
  'a11y.view.card': 'a report card open in the panel;',
  'a11y.view.cardsPage': 'the full-page list of cards;',
  'a11y.view.table': 'the table of a layer’s features;',
  'a11y.view.workbench': 'the workbench (the planner’s tab);',
  'a11y.view.search': 'the search with its list of results open;',
  'a11y.view.statement': 'this statement;',
  'a11y.view.mobile': 'the map, the panel and a card on a 320-pixel-wide phone screen (in French).',
};
