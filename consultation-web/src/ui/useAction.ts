import { useState } from 'react';

export interface Action<K extends string> {
  /** The action running now (one at a time), or null. */
  busy: K | null;
  /** The failure of the last action, until the next one starts. */
  error: unknown;
  /** Runs `work` as `what`; a failure lands in `error` instead of being thrown. */
  run(what: K, work: () => Promise<void>): Promise<void>;
}

/** A button's server call: busy while it runs, its failure kept for a ProblemAlert. */
export function useAction<K extends string>(): Action<K> {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (what: K, work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run };
}
