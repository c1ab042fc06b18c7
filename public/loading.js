// Says what went wrong when the wizard does not start, in place of "Loading the wizard…": its
// WebAssembly or JavaScript did not load (the page's loader sends the event "wizard-failed"), the
// browser has no WebAssembly, or nothing has started after 30 seconds. Once the app starts it
// replaces the first paint, and with it this message. A file of the page's own origin (the
// page's policy allows scripts from 'self'), not inline code.
{
  const say = (text) => {
    const line = document.getElementById('loading');
    const main = document.querySelector('#app main[aria-busy="true"]');
    if (!line || !main) return; // the app has started
    main.removeAttribute('aria-busy');
    line.className = 'load-failed';
    line.setAttribute('role', 'alert');
    line.textContent = text;
  };
  const blocked = 'a proxy, an extension or a browser setting may be blocking WebAssembly (.wasm) files or JavaScript modules on this site.';
  addEventListener('wizard-failed', () => say(`The wizard could not start: its WebAssembly or JavaScript file did not load. Check your connection and reload the page. If it keeps failing, ${blocked}`));
  setTimeout(() => say(`The wizard has not started after 30 seconds. A slow connection may still get there; otherwise reload the page. If it never starts, ${blocked}`), 30000);
  if (typeof WebAssembly !== 'object') say('This browser cannot run the wizard: it has no WebAssembly. Open the page in a current Edge, Chrome, Firefox or Safari.');
}
