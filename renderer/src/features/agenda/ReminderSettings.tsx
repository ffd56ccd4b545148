import { useState } from 'react';
import { effectivePrefs } from '../../../../core/personal/reminders';
import { db } from '../../db';
import { savePrefs } from '../../db/personal';
import type { ConferenceData } from '../../db/queries';
import { useApp } from '../../app/context';
import { ReminderDelivery } from '../reminders/ReminderDelivery';

/** Per-conference reminders: on or off, and how many minutes before each "going" session. */
export function ReminderSettings({ data }: { data: ConferenceData }) {
  const { clock, kickAlerts } = useApp();
  const prefs = effectivePrefs(data.record.id, data.prefs);
  const [minutes, setMinutes] = useState(String(prefs.reminderMinutes));
  // The stored value changed (saved here, or in another window): the field follows it, in the same render.
  const [shown, setShown] = useState(prefs.reminderMinutes);
  if (shown !== prefs.reminderMinutes) {
    setShown(prefs.reminderMinutes);
    setMinutes(String(prefs.reminderMinutes));
  }
  const save = (next: Partial<typeof prefs>): void => {
    void savePrefs(db, { ...prefs, ...next }, clock.now(), data.schedule).then(kickAlerts);
  };
  const commitMinutes = (): void => {
    const n = Number(minutes);
    if (Number.isInteger(n) && n >= 0 && n <= 1440) save({ reminderMinutes: n });
    else setMinutes(String(prefs.reminderMinutes));
  };
  const isValid = /^\d{1,4}$/.test(minutes) && Number(minutes) <= 1440;
  return (
    <fieldset className="reminder-settings">
      <legend>Reminders</legend>
      <label className="inline-check">
        <input type="checkbox" checked={prefs.remindersEnabled} onChange={(e) => save({ remindersEnabled: e.target.checked })} />
        Remind me before sessions I am going to
      </label>
      <label className="inline-field">
        <input
          className="text-input minutes-input"
          type="number"
          min={0}
          max={1440}
          value={minutes}
          disabled={!prefs.remindersEnabled}
          aria-invalid={!isValid}
          onChange={(e) => setMinutes(e.target.value)}
          onBlur={commitMinutes}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitMinutes();
          }}
        />
        minutes before
      </label>
      {!isValid ? <span className="error">A whole number of minutes from 0 to 1440.</span> : null}
      <ReminderDelivery />
    </fieldset>
  );
}
