// A change a person starts (a click, a form): busy while it runs, so a double click sends once;
// the server's refusal kept to show (ErrorMessage); onDone(answer) once it is stored (the screen
// reloads or updates what it shows).
import { useState } from 'preact/hooks';

// run(change) resolves to { answer } when change() was stored, to undefined when it was refused
// or another change of this action was still running: `if (await run(...))` reads as "if stored".
export function useAction(onDone) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (change) => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    let answer;
    try {
      answer = await change();
    } catch (err) {
      setError(err);
      setBusy(false);
      return undefined;
    }
    setBusy(false);
    if (onDone) await onDone(answer);
    return { answer };
  };
  return { busy, error, setError, run, clear: () => setError(null) };
}

// A form's submit as an action: no page load; action(formData, form) performs the call.
export function useSubmit(action, onDone) {
  const state = useAction(onDone);
  const onSubmit = (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    return state.run(() => action(new FormData(form), form));
  };
  return { ...state, onSubmit };
}
