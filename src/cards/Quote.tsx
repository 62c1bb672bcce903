// A verbatim extract of the report, marked as such, with the heading it stands under.
export function Quote({ text, section }: { text: string; section?: string }) {
  return (
    <figure className="quote">
      <blockquote>
        <p>« {text} »</p>
      </blockquote>
      <figcaption>
        Citation du rapport{section ? <>, section <cite>{section}</cite></> : null}
      </figcaption>
    </figure>
  );
}
