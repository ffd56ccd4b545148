import { useState } from 'react';
import { db } from '../../db';
import { downloadText, exportSessionCalendar } from '../../personal/transfer';

/** "Add to calendar": this one session as an .ics file, with the same UID as in the agenda export. */
export function SessionCalendarButton({ conferenceId, sessionId }: { conferenceId: string; sessionId: string }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = async (): Promise<void> => {
    try {
      const file = await exportSessionCalendar(db, conferenceId, sessionId, Date.now());
      if (!file) setProblem('This session is not stored any more.');
      else downloadText(file.fileName, file.text, 'text/calendar');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <p className="session-calendar">
      <button type="button" className="button" onClick={() => void save()}>
        Add to calendar (.ics)
      </button>
      {problem ? <span role="alert" className="error"> {problem}</span> : null}
    </p>
  );
}
