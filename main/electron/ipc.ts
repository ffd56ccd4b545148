import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { HOST_CONTRACT, HOST_EVENTS, type HostChannel, type HostEvent, type HostResult } from '../../core/host/contract';
import { dispatch, isHostChannel, type HostHandlers } from '../services/host-dispatch';
import { isAppUrl } from './app-url';

/**
 * Why an IPC sender is refused, or undefined when it is the app window's own top frame on the
 * app origin. A subframe, another window, or a page that somehow left app://lanyard gets
 * nothing from the host.
 */
export function senderProblem(event: IpcMainInvokeEvent, appContents: WebContents | undefined): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'The calling page is gone.';
  if (!appContents || event.sender !== appContents) return 'Host calls are only accepted from the Lanyard window.';
  if (frame.parent !== null || frame !== event.sender.mainFrame) return 'Host calls are only accepted from the top frame.';
  if (!isAppUrl(frame.url)) return 'Host calls are only accepted from the app itself.';
  return undefined;
}

/**
 * Registers every channel of the host contract through one wrapper: sender check, then
 * dispatch() (argument validation + result wrapping). Nothing is ever thrown back over IPC;
 * the renderer always receives a HostResult. This is the only place ipcMain.handle appears.
 */
export function setupIpc(handlers: HostHandlers, appContents: () => WebContents | undefined): void {
  const handle = (channel: HostChannel): void => {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<HostResult<unknown>> => {
      const problem = senderProblem(event, appContents());
      if (problem) return { ok: false, error: { message: problem } };
      try {
        return await dispatch(handlers, channel, args);
      } catch {
        return { ok: false, error: { message: 'The request failed.' } };
      }
    });
  };
  Object.keys(HOST_CONTRACT).filter(isHostChannel).forEach(handle);
}

export type HostEventPayload<E extends HostEvent> = z.infer<(typeof HOST_EVENTS)[E]>;

/** Pushes a host event to the renderer, checked against the contract first. */
export function sendHostEvent<E extends HostEvent>(contents: WebContents, name: E, payload: HostEventPayload<E>): boolean {
  const checked = HOST_EVENTS[name].safeParse(payload);
  if (!checked.success || contents.isDestroyed()) return false;
  contents.send(name, checked.data);
  return true;
}
