// The header's search: a WAI-ARIA 1.2 combobox (editable input, list autocomplete, manual selection)
// whose listbox groups the results by kind. Arrows move the active option (aria-activedescendant;
// the focus stays in the input), Enter chooses it (the first one when none is active), Escape
// closes the list, then clears the input. The number of results is announced once typing pauses.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { announce } from '../a11y/announce';
import { search, type SearchEntry, type SearchTarget } from './search-index';
import './search.css';

interface SearchBoxProps {
  index: SearchEntry[];
  /** Display name of a result group ('communes', a sublayer id, 'qpv', 'fiches'). */
  groupLabel: (group: string) => string;
  /** Whether results are in French while the UI is not (feature names, card titles). */
  resultsLang?: 'fr';
  onChoose: (target: SearchTarget) => void;
  /** Called on first focus: lets a page without map data start loading it. */
  onFocus?: () => void;
  /** Shown while the data behind the index is still loading. */
  loading?: boolean;
  /** Called at every keystroke with the text typed (lets a part of the index load on first use). */
  onTextChange?: (text: string) => void;
  /** How an option's label is shown for this query (e.g. an extract with the words marked); `entry.label` otherwise. */
  renderLabel?: (entry: SearchEntry, query: string) => ReactNode;
}

export function SearchBox({ index, groupLabel, resultsLang, onChoose, onFocus, loading = false, onTextChange, renderLabel }: SearchBoxProps) {
  const { t, tn } = useI18n();
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const listId = `${uid}-resultats`;
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const groups = useMemo(() => search(index, text), [index, text]);
  const options = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  const total = groups.reduce((n, g) => n + g.total, 0);
  const typed = open && text.trim().length > 0;
  // An empty listbox is not allowed: with no result the list closes and a note says why.
  const expanded = typed && total > 0;
  const optionId = (e: SearchEntry) => `${uid}-option-${e.id}`;

  useEffect(() => setActive(-1), [text]);
  // Announce the count once typing pauses: "12 résultats : Communes 1, Terrils 3…".
  useEffect(() => {
    if (!typed) return;
    const timer = setTimeout(() => {
      if (!total) return announce(loading ? t('search.loading') : t('search.none'));
      const parts = groups.map((g) => `${groupLabel(g.group)} ${g.total}`).join(', ');
      announce(`${tn('search.results', total)}${t('ui.colon')}${parts}`);
    }, 500);
    return () => clearTimeout(timer);
  }, [typed, groups, total, loading, groupLabel, t, tn]);
  useEffect(() => {
    if (active < 0 || !list.current) return;
    list.current.querySelector(`#${CSS.escape(`${uid}-option-${options[active].id}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, options, uid]);

  const choose = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    setText(entry.label);
    setOpen(false);
    setActive(-1);
    onChoose(entry.target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        if (n) setActive((a) => (event.altKey ? a : a + 1 >= n ? 0 : a + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
        break;
      case 'Enter':
        if (expanded && n) {
          event.preventDefault();
          choose(options[active >= 0 ? active : 0]);
        }
        break;
      case 'Escape':
        // Handled here: the feature sheet must not close too.
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
    }
  };

  let position = -1;
  return (
    <div className="search" role="search">
      <label htmlFor="recherche" className="search-label">
        {t('search.label')}
      </label>
      <div className="search-field">
        <input
          ref={input}
          id="recherche"
          className="search-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(options[active]) : undefined}
          aria-describedby={`${uid}-aide`}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            onTextChange?.(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={() => setOpen(false)}
          onClick={() => setOpen(true)}
        />
        <span id={`${uid}-aide`} className="visually-hidden">
          {t('search.help')}
        </span>
        <div ref={list} id={listId} role="listbox" aria-label={t('search.resultsLabel')} className="search-results" hidden={!expanded}>
          {expanded &&
            groups.map((g) => (
              <ul key={g.group} role="group" aria-labelledby={`${uid}-groupe-${g.group}`} className="search-group">
                <li role="presentation" id={`${uid}-groupe-${g.group}`} className="search-group-label">
                  {g.total > g.entries.length
                    ? t('search.groupPartial', { label: groupLabel(g.group), shown: g.entries.length, total: g.total })
                    : t('search.group', { label: groupLabel(g.group), total: g.total })}
                </li>
                {g.entries.map((entry) => {
                  position += 1;
                  const i = position;
                  return (
                    <li
                      key={entry.id}
                      id={optionId(entry)}
                      role="option"
                      aria-selected={i === active}
                      className="search-option"
                      lang={resultsLang}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(entry)}
                    >
                      <span className="search-option-label">{renderLabel ? renderLabel(entry, text) : entry.label}</span>
                      {entry.detail && <span className="search-option-detail">{entry.detail}</span>}
                    </li>
                  );
                })}
              </ul>
            ))}
        </div>
        {typed && total === 0 && <p className="search-empty">{loading ? t('search.loading') : t('search.none')}</p>}
      </div>
    </div>
  );
}
