import './agenda.css';

/** What changed about a session in the agenda, beside its *Changed* mark: "moved from Sat 10:00 to Sat 14:00 · room K.1.105 → H.2215". */
export function AgendaChange({ phrases }: { phrases: readonly string[] | undefined }) {
  if (!phrases?.length) return null;
  const text = phrases.join(' · ');
  return <span className="agenda-change">{text.charAt(0).toUpperCase() + text.slice(1)}</span>;
}
