// Skip links move the focus without touching the hash, which holds the view state. `prepare` runs
// first (e.g. opening the hidden side panel) and the focus moves once React has shown the target.
export function SkipLink({ target, children, prepare }: { target: string; children: string; prepare?: () => void }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        prepare?.();
        requestAnimationFrame(() => document.getElementById(target)?.focus());
      }}
    >
      {children}
    </a>
  );
}

/** The skip links of a page, first in the tab order. */
export function SkipLinks({ label, links }: { label: string; links: { target: string; label: string; prepare?: () => void }[] }) {
  return (
    <nav className="skip-links" aria-label={label}>
      {links.map((l) => (
        <SkipLink key={l.target} target={l.target} prepare={l.prepare}>
          {l.label}
        </SkipLink>
      ))}
    </nav>
  );
}
