import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HostApi, HostValue } from '../../../core/host/contract';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';

const handlers = createHostHandlers({ mode: 'web', version: 'test', platform: 'test', fetchLimits: { timeoutMs: 5_000 } });

/** The host's live:fetch as the app calls it, minus the transport: contract validation, then the guarded fetcher. */
export const fetchLive: HostApi['fetchLive'] = async (request) => {
  const result = await dispatch(handlers, 'live:fetch', [request]);
  return result.ok ? { ok: true, value: result.value as HostValue<'live:fetch'> } : result;
};

/** A real HTTP server on 127.0.0.1 whose answers a test sets per path; it counts requests. */
export class TestServer {
  private server: Server | undefined;
  url = '';
  readonly requests: Array<{ path: string; ifNoneMatch: string | undefined }> = [];
  handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(404).end();

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
      this.handler(req, res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
