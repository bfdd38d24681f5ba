// Loads an API answer for a component: { data, error, loading, reload, setData }. `deps` as for
// useEffect; a null `path` loads nothing. An answer that arrives after the component moved on to
// other deps is dropped, so a fast click-through never shows a stale page.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';

export function useApi(path, params, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: Boolean(path) });
  const generation = useRef(0);
  const load = useCallback(() => {
    if (!path) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    api('GET', path, { params }).then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState({ data: null, error, loading: false }),
    );
  }, [path, JSON.stringify(params || {}), ...deps]);
  useEffect(load, [load]);
  const setData = (update) =>
    setState((s) => ({ ...s, data: typeof update === 'function' ? update(s.data) : update }));
  return { ...state, reload: load, setData };
}
