/**
 * The window sizes issue 13 names and every layout test runs at: the app's minimum window
 * (640×480), a small laptop's half screen, a laptop, a full HD monitor.
 */
export const WINDOW_SIZES = [
  { width: 640, height: 480 },
  { width: 900, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Both themes; the app follows the system's, which a test sets with `emulateMedia` or a context's `colorScheme`. */
const THEMES = ['light', 'dark'] as const;

/** Every size in both themes: the matrix a view's end-to-end test walks through. */
export const SIZES_AND_THEMES = WINDOW_SIZES.flatMap((size) => THEMES.map((colorScheme) => ({ size, colorScheme })));
