import { effectivePrefs } from '../../../../core/personal/reminders';
import { db } from '../../db';
import { updateEntry } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import { clockOn, dateIn } from '../../format';
import { useApp } from '../../app/context';

const CHOICES = [0, 5, 10, 15, 30, 60];

/** When this session's reminder fires, and a per-session override of the conference default. */
export function ReminderChoice({ data, sessionId, zone }: { data: ConferenceData; sessionId: string; zone: string }) {
  const { clock, kickAlerts } = useApp();
  const entry = data.agenda.get(sessionId);
  const prefs = effectivePrefs(data.record.id, data.prefs);
  const reminder = data.reminders.get(sessionId);
  if (entry?.star !== 'going') return <p className="muted reminder-line">Reminders are for sessions you are going to.</p>;
  if (!prefs.remindersEnabled) {
    return <p className="muted reminder-line">Reminders are off for this conference (see My agenda).</p>;
  }
  const value = entry.reminderMinutes === undefined ? 'default' : entry.reminderMinutes === null ? 'none' : String(entry.reminderMinutes);
  const change = (next: string): void => {
    const minutes = next === 'default' ? undefined : next === 'none' ? null : Number(next);
    void updateEntry(db, data.record.id, sessionId, { reminderMinutes: minutes }, clock.now(), data.schedule).then(kickAlerts);
  };
  let status: string;
  if (!reminder) status = 'No reminder';
  else if (reminder.state === 'planned') status = `Reminder at ${clockOn(reminder.fireAt, zone, dateIn(reminder.start, zone))}`;
  else status = reminder.state === 'fired' ? `Reminded at ${clockOn(reminder.claimedAt ?? reminder.fireAt, zone, dateIn(reminder.start, zone))}` : 'Reminder missed (the computer was asleep or Lanyard closed)';
  return (
    <div className="reminder-line">
      <span data-testid="reminder-status">{status}</span>
      <label>
        {' '}Remind me{' '}
        <select className="select" value={value} onChange={(e) => change(e.target.value)}>
          <option value="default">{prefs.reminderMinutes} min before (conference default)</option>
          {CHOICES.filter((m) => m !== prefs.reminderMinutes).map((m) => (
            <option key={m} value={String(m)}>{m === 0 ? 'when it starts' : `${m} min before`}</option>
          ))}
          <option value="none">not for this session</option>
        </select>
      </label>
    </div>
  );
}
