import { useEffect, useRef } from 'react';
import { useLinkPrompt } from './prompt';

/**
 * The opener's questions, as a modal <dialog>: showModal() makes the rest of the page inert
 * (focus stays inside), Escape cancels, and focus returns to the link afterwards.
 */
export function LinkDialog() {
  const prompt = useLinkPrompt((s) => s.prompt);
  const settle = useLinkPrompt((s) => s.settle);
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (prompt && !dialog.open) {
      const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancel.current?.focus();
      const restore = (): void => returnTo?.focus();
      dialog.addEventListener('close', restore, { once: true });
    } else if (!prompt && dialog.open) dialog.close();
  }, [prompt]);
  const title =
    prompt?.kind === 'ask' ? 'Open a link to a new site?' : prompt?.kind === 'http' ? 'Open an unencrypted link?' : 'This link was not opened';
  return (
    <dialog ref={ref} className="link-dialog" aria-labelledby="link-dialog-title" aria-describedby="link-dialog-body" onClose={() => settle(false)}>
      {prompt ? (
        <form method="dialog" onSubmit={(e) => e.preventDefault()}>
          <h2 id="link-dialog-title">{title}</h2>
          <div id="link-dialog-body">
            {prompt.kind === 'refused' ? (
              <>
                <p>{prompt.reason}</p>
                <p className="link-dialog-url"><code>{prompt.url}</code></p>
              </>
            ) : (
              <>
                <p>
                  The link leads to <strong className="link-dialog-host" data-testid="link-host">{prompt.host}</strong>
                  {prompt.kind === 'ask' && prompt.unicodeHost ? <> (written as “{prompt.unicodeHost}”)</> : null}.
                </p>
                {prompt.kind === 'http' ? (
                  <p>It is not protected by https: anyone on the network could read or change the page. Lanyard asks every time.</p>
                ) : (
                  <p>Lanyard has not opened links to this site before. If you open it, links to this site open without asking from now on.</p>
                )}
                <p className="link-dialog-url"><code>{prompt.href}</code></p>
              </>
            )}
          </div>
          <div className="link-dialog-buttons">
            {prompt.kind === 'refused' ? (
              <button ref={cancel} type="button" className="button primary" onClick={() => settle(false)}>OK</button>
            ) : (
              <>
                <button ref={cancel} type="button" className="button" onClick={() => settle(false)}>Cancel</button>
                <button type="button" className="button primary" onClick={() => settle(true)}>Open {prompt.host}</button>
              </>
            )}
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
