/**
 * Unicode's explicit bidirectional formatting characters: embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069). One right-to-left override in a session
 * title reverses everything after it up to the end of the line it is shown in — the time, the
 * room, the words of the app around it (the "Trojan Source" trick). Right-to-left scripts
 * need none of them: Arabic and Hebrew letters carry their direction themselves.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** `text` without bidirectional formatting characters, and how many there were. */
export function stripBidiControls(text: string): { text: string; removed: number } {
  // Nearly no text has one: a test is far cheaper than a replace with a callback.
  if (!HAS_BIDI_CONTROL.test(text)) return { text, removed: 0 };
  let removed = 0;
  const cleaned = text.replace(BIDI_CONTROLS, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}
