import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/services/host-dispatch';
import { createHostHandlers } from '../../../main/services/host-handlers';

describe('links:open', () => {
  it('is refused in web mode: the server never opens a browser on its machine', async () => {
    const handlers = createHostHandlers({ mode: 'web', version: '0', platform: 'linux' });
    const result = await dispatch(handlers, 'links:open', [{ url: 'https://meet.jit.si/x', confirmed: true }]);
    expect(result).toEqual({ ok: false, error: { message: 'This host opens no links; the page opens them in a new tab.' } });
  });

  it('passes the request to the desktop opener and reports its refusal', async () => {
    const openLink = vi.fn((url: string) => (url.startsWith('javascript:') ? Promise.reject(new Error('Links using javascript: are never opened')) : Promise.resolve()));
    const handlers = createHostHandlers({ mode: 'desktop', version: '0', platform: 'linux', openLink });
    expect(await dispatch(handlers, 'links:open', [{ url: 'https://meet.jit.si/x', confirmed: false }])).toEqual({ ok: true, value: null });
    expect(await dispatch(handlers, 'links:open', [{ url: 'javascript:alert(1)', confirmed: true }])).toMatchObject({ ok: false, error: { message: /javascript/ } });
    expect(await dispatch(handlers, 'links:open', [{ url: 'https://x.example/' }])).toMatchObject({ ok: false, error: { message: /Invalid arguments/ } });
    expect(openLink.mock.calls).toEqual([['https://meet.jit.si/x', false], ['javascript:alert(1)', true]]);
  });
});
