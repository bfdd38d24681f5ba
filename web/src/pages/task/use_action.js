// A change the person started (a click, a form): busy while it runs, the server's message when it
// is refused, and onDone() after it succeeded (the page reloads what it shows).
import { useState } from 'preact/hooks';

export function useAction(onDone) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  // Resolves to true when the change was stored, false when it was refused.
  const run = async (change) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await change();
      setBusy(false);
      if (onDone) await onDone(answer);
      return true;
    } catch (err) {
      setError(err);
      setBusy(false);
      return false;
    }
  };
  return { busy, error, run };
}
