import { useState } from 'react';
import { useApp } from '../../app/context';
import { resultOf } from '../../engine/jobs';
import { downloadText } from '../../personal/transfer';

/** "Add to calendar": this one session as an .ics file, with the same UID as in the agenda export. */
export function SessionCalendarButton({ conferenceId, sessionId }: { conferenceId: string; sessionId: string }) {
  const { engine, clock } = useApp();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = async (): Promise<void> => {
    try {
      const file = resultOf(await engine.run('sessionIcsExport', { now: clock.now(), conferenceId, sessionId }));
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
