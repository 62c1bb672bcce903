// Facts the accessibility statement reports: what was checked, with which tool and version, on
// which views. Kept in one place so the page and the browser tests say the same thing.
import type { MessageKey } from '../i18n';

/** axe-core version run by the browser tests (tests/unit/a11y.test.ts checks it against package.json). */
export const AXE_VERSION = '4.14.1';
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
/** Date the checks were last run and the statement written. */
export const STATEMENT_DATE = '2026-11-28';
export const TEST_BROWSER = 'Chromium 156 (Debian 12)';

/** Views axe-core checks, in French and in English (tests/browser/a11y.test.ts, english.test.ts, mobile.test.ts). */
export const CHECKED_VIEWS: MessageKey[] = [
  'a11y.view.map',
  'a11y.view.feature',
  'a11y.view.card',
  'a11y.view.cardsPage',
  'a11y.view.table',
  'a11y.view.workbench',
  'a11y.view.search',
  'a11y.view.statement',
  'a11y.view.mobile',
];
