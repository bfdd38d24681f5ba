// A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it, and
// focus returns to what opened it. `open` controls it; onClose is called however it closes.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';

let counter = 0;

export function Dialog({ open, title, onClose, children }) {
  const ref = useRef(null);
  const titleId = useRef(`dialog-title-${++counter}`);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return html`
    <dialog ref=${ref} aria-labelledby=${titleId.current} onClose=${onClose} class="dialog">
      <div class="dialog-head">
        <h2 id=${titleId.current}>${title}</h2>
        <button type="button" class="link" onClick=${() => ref.current.close()}>Close</button>
      </div>
      ${open && children}
    </dialog>
  `;
}
