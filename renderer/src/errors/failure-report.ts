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
