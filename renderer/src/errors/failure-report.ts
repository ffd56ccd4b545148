/**
 * The text a person copies into a bug report when part of the window failed: what failed,
 * the error and its stack, the component stack and the route. No schedule or personal data
 * beyond what the error message itself quotes.
 */
export function failureReport(what: string, error: Error, componentStack: string | undefined): string {
  return [
    `Lanyard: ${what} failed`,
    `Route: ${location.hash || '#/'}`,
    `When: ${new Date().toISOString()}`,
    `Browser: ${navigator.userAgent}`,
    '',
    `${error.name}: ${error.message}`,
    error.stack?.split('\n').slice(1, 12).join('\n') ?? '',
    ...(componentStack ? ['', 'Components:', componentStack.trim().split('\n').slice(0, 12).join('\n')] : []),
  ].join('\n');
}

/**
 * Why a part of the window failed, in words a person can act on, for the failure boxes (the
 * full error stays in the report). The usual causes are stored values of the wrong kind.
 */
export function describeFailure(error: Error): string {
  const message = error.message;
  if (/React error #31\b|Objects are not valid as a React child/.test(message)) return 'a stored value that should be text is not text';
  if (error instanceof RangeError && /time value|date/i.test(message)) return 'a stored date cannot be read';
  if (error instanceof TypeError && /undefined|null/.test(message)) return 'a stored value is missing';
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}
