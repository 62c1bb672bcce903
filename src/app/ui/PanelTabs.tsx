// WAI-ARIA tabs (automatic activation): arrow keys, Home and End move between tabs. Inactive
// panels stay mounted but hidden, so their state (open lists, filters) survives a switch.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface PanelTab<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

interface PanelTabsProps<Id extends string> {
  label: string;
  tabs: PanelTab<Id>[];
  active: Id;
  onChange: (id: Id) => void;
}

export function PanelTabs<Id extends string>({ label, tabs, active, onChange }: PanelTabsProps<Id>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    onChange(tabs[target].id);
    buttons.current[target]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`onglet-${tab.id}`}
            aria-selected={tab.id === active}
            aria-controls={`panneau-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panneau-${tab.id}`}
          aria-labelledby={`onglet-${tab.id}`}
          hidden={tab.id !== active}
          tabIndex={0}
          className="tab-panel"
        >
          {tab.content}
        </div>
      ))}
    </>
  );
}
