import { z } from 'zod';

/**
 * The host-API part for the live calendar: the page publishes the agenda (as the iCalendar
 * text `agendaToICal(…, { live: true })` writes) after each change; the host serves it as a
 * webcal subscription on 127.0.0.1 and keeps a CalDAV calendar in step with it.
 */

/** The largest agenda the page may publish (about 8,000 starred sessions with long abstracts). */
const MAX_AGENDA_ICS = 16 * 1024 * 1024;

export const AgendaPublishRequest = z.object({ ics: z.string().min(1).max(MAX_AGENDA_ICS) }).strict();
export type AgendaPublishRequest = z.infer<typeof AgendaPublishRequest>;

export const CaldavConnectRequest = z
  .object({
    serverUrl: z.string().min(1).max(2048),
    username: z.string().min(1).max(300),
    password: z.string().min(1).max(1000),
  })
  .strict();
export type CaldavConnectRequest = z.infer<typeof CaldavConnectRequest>;

export const CaldavStatus = z.object({
  /** off: not set up; syncing: a round is running; ok: in step; error: the last round failed (retried at `nextRetryAt`). */
  state: z.enum(['off', 'syncing', 'ok', 'error']),
  serverUrl: z.string().optional(),
  username: z.string().optional(),
  calendarUrl: z.string().optional(),
  lastSyncAt: z.number().optional(),
  /** Events in the CalDAV calendar after the last good round. */
  events: z.number().optional(),
  /** What went wrong, in words for a person. */
  message: z.string().optional(),
  nextRetryAt: z.number().optional(),
  /** Where the password is kept: the system's keyring (desktop) or a file only the user can read. */
  passwordStorage: z.enum(['keyring', 'file']).optional(),
});
export type CaldavStatus = z.infer<typeof CaldavStatus>;

export const CalendarStatus = z.object({
  subscription: z.object({
    /** `http://127.0.0.1:<port>/<token>/agenda.ics` */
    url: z.string(),
    /** The same as `webcal://…`, which calendar apps open as a subscription. */
    webcalUrl: z.string(),
    /** Events in the published agenda; undefined before the first publish. */
    events: z.number().optional(),
    publishedAt: z.number().optional(),
    /** Set when the address changed since last time (the old port was taken). */
    notice: z.string().optional(),
  }),
  caldav: CaldavStatus,
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;

export const CALENDAR_CONTRACT = {
  'calendar:publish': { args: z.tuple([AgendaPublishRequest]), result: z.null() },
  'calendar:status': { args: z.tuple([]), result: CalendarStatus },
  'calendar:reset-link': { args: z.tuple([]), result: CalendarStatus },
  'caldav:connect': { args: z.tuple([CaldavConnectRequest]), result: CalendarStatus },
  'caldav:disconnect': { args: z.tuple([]), result: CalendarStatus },
  'caldav:sync-now': { args: z.tuple([]), result: CalendarStatus },
} as const;
