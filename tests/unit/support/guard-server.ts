import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ResolveAll } from '../../../main/services/address-guard';

/** A resolver that answers from a table (a list, or a function for answers that change) and counts what it was asked. */
export function tableResolver(answers: Record<string, string[] | (() => string[])>): { resolve: ResolveAll; asked: string[] } {
  const asked: string[] = [];
  const resolve: ResolveAll = (hostname) => {
    asked.push(hostname);
    const entry = answers[hostname];
    const list = typeof entry === 'function' ? entry() : entry;
    if (!list) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  return { resolve, asked };
}

/** The message a download was refused with (an error `isRefusal` accepts); fails when it was fetched. */
export async function refusalOf(run: () => Promise<unknown>, isRefusal: (error: unknown) => error is Error, what: string): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isRefusal(error)) return error.message;
    throw error;
  }
  throw new Error(`the ${what} was fetched`);
}

export interface GuardServer {
  port(): number;
  /** The paths asked for since the test began. */
  readonly requests: string[];
}

/**
 * A real server on 127.0.0.1 for the suite (started before it, closed after it) that answers
 * every path with `body`, except `/to-localhost`, which redirects to `target` on localhost:
 * what the address guard must stop before any request, or let through for the feed's own host.
 */
export function useGuardServer(body: string | Buffer, contentType: string, target: string): GuardServer {
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/to-localhost') res.writeHead(302, { location: `http://localhost:${port}${target}` }).end();
      else res.writeHead(200, { 'content-type': contentType }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    requests.length = 0;
  });
  return { port: () => port, requests };
}
