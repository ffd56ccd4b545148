import { HOST_CONTRACT, type HostArgs, type HostChannel, type HostError, type HostResult, type HostValue } from '../../core/host/contract';
import { FetchError } from './fetch-error';

export type HostHandlers = { [C in HostChannel]: (...args: HostArgs<C>) => Promise<HostValue<C>> };

export function isHostChannel(name: string): name is HostChannel {
  return Object.hasOwn(HOST_CONTRACT, name);
}

function toHostError(error: unknown): HostError {
  if (error instanceof FetchError) {
    const out: HostError = { message: error.message };
    if (error.status !== undefined) out.status = error.status;
    if (error.retryAfterSeconds !== undefined) out.retryAfterSeconds = error.retryAfterSeconds;
    return out;
  }
  const out: HostError = { message: error instanceof Error ? error.message : 'The request failed' };
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && /^[A-Z][A-Z_]{1,39}$/.test(code)) out.code = code;
  return out;
}

/**
 * Validates a call against the contract, runs its handler and wraps the outcome. Both
 * transports (Electron IPC and web mode) go through here, after their own sender checks,
 * so no handler ever sees unvalidated arguments.
 */
export async function dispatch(handlers: HostHandlers, channel: string, rawArgs: unknown): Promise<HostResult<unknown>> {
  if (!isHostChannel(channel)) return { ok: false, error: { message: `Unknown host call "${channel}"` } };
  const parsed = HOST_CONTRACT[channel].args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: { message: `Invalid arguments for ${channel}${where}: ${issue?.message ?? 'rejected'}` } };
  }
  try {
    const handler = handlers[channel] as (...args: unknown[]) => Promise<unknown>;
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toHostError(error) };
  }
}
