/* Runs inside the page (added with page.addInitScript before the app's first script), so it is
 * plain browser JavaScript, kept out of the Node type-check. It records what the trust tests ask
 * about: policy violations, calls of the XSS hook, navigations attempted by links. */
/* global window, document */
(() => {
  const trust = { violations: [], xssHits: [], sinkHits: [] };
  window.__trust = trust;
  /** Any payload that runs calls this; the test asserts it never was. */
  window.__xssHit = (id) => trust.xssHits.push(String(id));
  window.__sinkHit = (id) => trust.sinkHits.push(String(id));
  document.addEventListener('securitypolicyviolation', (event) => {
    trust.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`);
  });

  /** Tries every HTML and script sink with a string; returns what each threw. */
  trust.trySinks = () => {
    const tries = [
      ['innerHTML', () => { document.body.appendChild(document.createElement('div')).innerHTML = '<img src=x onerror="__sinkHit(1)">'; }],
      ['outerHTML', () => { document.body.appendChild(document.createElement('div')).outerHTML = '<img src=x onerror="__sinkHit(2)">'; }],
      ['insertAdjacentHTML', () => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="__sinkHit(3)">')],
      ['document.write', () => document.write('<script>__sinkHit(4)</script>')],
      ['script.text', () => { document.createElement('script').text = '__sinkHit(5)'; }],
      ['timer string', () => window.setTimeout('__sinkHit(6)')],
      ['remote script src', () => { document.createElement('script').src = 'https://evil.example/x.js'; }],
      ['second HTML policy', () => window.trustedTypes.createPolicy('evil', { createHTML: (s) => s })],
    ];
    const thrown = {};
    for (const [name, attempt] of tries) {
      try {
        attempt();
        thrown[name] = 'did not throw';
      } catch (error) {
        thrown[name] = `${error.name}: ${error.message}`;
      }
    }
    return thrown;
  };

  const RICH_TEXT_TAGS = new Set(['P', 'BR', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'H3', 'H4', 'H5', 'H6', 'HR', 'SUB', 'SUP', 'A']);

  /** Everything feed content could have smuggled into the DOM. */
  trust.scanDom = () => {
    const problems = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) problems.push(`${el.tagName} has ${attr}`);
        if (/^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attr)) {
          const value = (el.getAttribute(attr) || '').replace(/[^\x21-\x7e]+/g, '').toLowerCase();
          if (/^(javascript|data|vbscript|file):/.test(value) && !(el.tagName === 'IMG' && value.startsWith('data:image/'))) problems.push(`${el.tagName} ${attr}=${value.slice(0, 60)}`);
        }
      }
      const tag = el.tagName.toUpperCase();
      if (el.closest('#root') && ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'STYLE', 'TEMPLATE', 'FRAME', 'WEBVIEW', 'PORTAL', 'APPLET'].includes(tag)) {
        problems.push(`${tag} inside the app`);
      }
      if (el.parentElement && el.parentElement.closest('.rich-text') && !RICH_TEXT_TAGS.has(tag)) problems.push(`${tag} inside feed rich text`);
    }
    return problems;
  };
})();
