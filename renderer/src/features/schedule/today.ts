import { conferenceDayChange } from '../../../../core/time/days';
import { currentProgrammeDay, programmeSpans, type ProgrammeSpan } from '../../../../core/time/programme-day';
import type { ConferenceData } from '../../db/queries';
import type { ScheduleModel } from '../../db/schedule-model';

interface DayFacts {
  spans: ProgrammeSpan[];
  dayChange: number;
}

/** Each day's programme span and the day change, worked out once per stored revision of a schedule. */
const facts = new WeakMap<ScheduleModel, DayFacts>();

/**
 * The conference day that is "today" at `now` (see currentProgrammeDay): the schedule opens on
 * it and *Jump to now* is offered on it. Around midnight it is the evening's day while its
 * programme still runs, and the coming day once it is over.
 */
export function programmeToday(data: ConferenceData, now: number): string {
  let known = facts.get(data.schedule);
  if (!known) {
    known = { spans: programmeSpans(data.sessions), dayChange: conferenceDayChange(data.record.conference, data.sessions) };
    facts.set(data.schedule, known);
  }
  return currentProgrammeDay(now, known.spans, data.record.conference.timeZone, known.dayChange);
}
