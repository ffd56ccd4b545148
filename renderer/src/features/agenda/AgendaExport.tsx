import './agenda.css';
import { useState } from 'react';
import { useApp } from '../../app/context';
import { resultOf } from '../../engine/jobs';
import { downloadText } from '../../personal/transfer';

type Said = { kind: 'done' | 'error'; text: string } | undefined;

/**
 * "Export agenda (.ics)" where people look for it: this conference's starred sessions as an
 * iCalendar file, the same export as *Your data › Calendar* (maybe as tentative, the reminder
 * as an alarm, the same UIDs so importing again updates the events).
 */
export function AgendaExport({ conferenceId }: { conferenceId: string }) {
  const { engine, clock } = useApp();
  const [said, setSaid] = useState<Said>(undefined);
  const save = async (): Promise<void> => {
    try {
      const file = resultOf(await engine.run('agendaIcsExport', { now: clock.now(), conferenceId }));
      if (!file) {
        setSaid({ kind: 'error', text: 'Nothing is starred yet: star sessions to put them in your calendar.' });
        return;
      }
      downloadText(file.fileName, file.text, 'text/calendar');
      setSaid({ kind: 'done', text: `Saved ${file.fileName} with ${file.sessions} session${file.sessions === 1 ? '' : 's'}: open it in your calendar app.` });
    } catch (error) {
      setSaid({ kind: 'error', text: `The agenda could not be exported: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <div className="agenda-export">
      <button type="button" className="button" onClick={() => void save()}>
        Export agenda (.ics)
      </button>
      {said ? (
        <span role={said.kind === 'error' ? 'alert' : 'status'} className={said.kind === 'error' ? 'error' : 'muted'}>
          {' '}
          {said.text}
        </span>
      ) : null}
    </div>
  );
}
