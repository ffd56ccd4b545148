/** Caps that keep a hostile or broken feed from exhausting memory or time. */
export const LIMITS = {
  /** Bytes (UTF-16 code units of the decoded text, a close proxy) of one feed. */
  maxInputChars: 32 * 1024 * 1024,
  /** Nesting depth of XML elements or JSON containers. */
  maxDepth: 64,
  maxSessions: 20_000,
  maxSpeakers: 50_000,
  maxRooms: 2_000,
  maxTracks: 2_000,
  /** Days of one conference (schedule.json lists them; events are matched against each). */
  maxDays: 1_000,
  maxLinksPerItem: 100,
  maxTitleChars: 1_000,
  maxTextChars: 100_000,
  maxShortChars: 500,
  maxUrlChars: 2_048,
  /** Occurrences of a recurring iCalendar event expanded at most. */
  maxRecurrences: 500,
  /**
   * Candidate dates tried while expanding one event's repeat rules. A rule that matches no
   * date (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) would otherwise be searched forever. 10,000
   * covers 500 weekday-only daily occurrences many times over (about 3,500 tries) and costs
   * well under a second even for the slowest (daily) rules.
   */
  maxRecurrenceSteps: 10_000,
  /** Candidate dates tried for all the events of one feed together (ten hopeless rules' worth). */
  maxRecurrenceStepsPerFeed: 100_000,
  /** XML elements (all kinds) in one document. */
  maxXmlElements: 2_000_000,
} as const;
