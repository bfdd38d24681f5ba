// The state of one call a person starts (a form's submit, a toggle): busy while it runs, the
// server's refusal kept to show. run(action) resolves to the action's result, or undefined when
// it was refused.
import { useState } from 'preact/hooks';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (action) => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
