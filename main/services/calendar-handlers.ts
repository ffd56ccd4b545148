import type { HostHandlers } from './host-dispatch';
import type { CalendarService } from './calendar-service';

type CalendarChannel = 'calendar:publish' | 'calendar:status' | 'calendar:reset-link' | 'caldav:connect' | 'caldav:disconnect' | 'caldav:sync-now';

/**
 * The live-calendar part of the host API. The service starts with the host (it binds its
 * port), so calls wait for it; a host without one says so in plain words.
 */
export function calendarHandlers(service: Promise<CalendarService> | undefined): Pick<HostHandlers, CalendarChannel> {
  const calendar = async (): Promise<CalendarService> => {
    if (!service) throw new Error('This host serves no calendar.');
    try {
      return await service;
    } catch (error) {
      throw new Error(`The calendar service could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return {
    'calendar:publish': async (request) => (await calendar()).publish(request.ics),
    'calendar:status': async () => (await calendar()).status(),
    'calendar:reset-link': async () => (await calendar()).resetLink(),
    'caldav:connect': async (request) => (await calendar()).connect(request),
    'caldav:disconnect': async () => (await calendar()).disconnect(),
    'caldav:sync-now': async () => (await calendar()).syncNow(),
  };
}
