// A text with the searched words inside <mark> (accent- and case-insensitive, whole words).
import { segments } from './highlight';
import './text.css';

export function Marked({ text, query }: { text: string; query: string }) {
  return <>{segments(text, query).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
