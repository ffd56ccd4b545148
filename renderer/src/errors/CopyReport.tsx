import { useState } from 'react';

/** "Copy the error for a bug report", with the text shown as well, for when the clipboard refuses. */
export function CopyReport({ report }: { report: string }) {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const copy = (): void => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied('The clipboard is not available here: select the text under "Error details" and copy it.');
      return;
    }
    clipboard.writeText(report).then(
      () => setCopied('Copied. Paste it into your bug report.'),
      () => setCopied('The clipboard refused: select the text under "Error details" and copy it.'),
    );
  };
  return (
    <>
      <button type="button" className="button" onClick={copy}>
        Copy the error for a bug report
      </button>
      {copied ? <span role="status">{copied}</span> : null}
      <details className="failure-details">
        <summary>Error details</summary>
        <textarea aria-label="Error report" readOnly value={report} rows={10} />
      </details>
    </>
  );
}
