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
  maxLinksPerItem: 100,
  maxTitleChars: 1_000,
  maxTextChars: 100_000,
  maxShortChars: 500,
  maxUrlChars: 2_048,
  /** Occurrences of a recurring iCalendar event expanded at most. */
  maxRecurrences: 500,
  /** XML elements (all kinds) in one document. */
  maxXmlElements: 2_000_000,
} as const;
