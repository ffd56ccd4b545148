import { useEffect, useRef, useState } from 'react';
import { db } from '../../db';
import { updateEntry } from '../../db/personal';
import { useApp } from '../../app/context';

const SAVE_AFTER_MS = 500;

/** Personal notes on a session, saved as you type (after a short pause) and when you leave. */
export function NoteEditor({ conferenceId, sessionId, note }: { conferenceId: string; sessionId: string; note: string | undefined }) {
  const { clock, schedules } = useApp();
  const [text, setText] = useState(note ?? '');
  const [status, setStatus] = useState<'saved' | 'editing' | 'error'>('saved');
  const pending = useRef<string | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const save = (): void => {
    const value = pending.current;
    if (value === undefined) return;
    pending.current = undefined;
    updateEntry(db, conferenceId, sessionId, { note: value.trim() === '' ? '' : value }, clock.now(), schedules.peek(conferenceId)).then(
      () => setStatus((s) => (pending.current === undefined && s !== 'error' ? 'saved' : s)),
      () => setStatus('error'),
    );
  };
  useEffect(() => {
    // A note changed elsewhere (another window, an import) shows here unless the user is typing.
    if (pending.current === undefined) setText(note ?? '');
  }, [note]);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      save();
    },
    // Save once more when the page goes away: on unmount only; `save` reads refs and props that identify the same note.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [],
  );
  const onChange = (value: string): void => {
    setText(value);
    setStatus('editing');
    pending.current = value;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, SAVE_AFTER_MS);
  };
  return (
    <div className="note-editor">
      <label htmlFor="session-note" className="note-label">My notes</label>
      <textarea id="session-note" className="text-input note-text" rows={4} maxLength={20_000} value={text} onChange={(e) => onChange(e.target.value)} placeholder="Questions to ask, who to meet, what to try…" />
      <span className={status === 'error' ? 'note-status error' : 'note-status muted'} role="status" aria-live="polite">
        {status === 'saved' ? (text ? 'Saved' : '') : status === 'editing' ? 'Saving…' : 'Could not save the note'}
      </span>
    </div>
  );
}
