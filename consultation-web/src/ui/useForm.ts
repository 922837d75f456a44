import { useState } from 'react';
import { ApiProblem } from '../core/api/ApiProblem';

export interface Form<T> {
  values: T;
  set<K extends keyof T>(field: K): (value: T[K]) => void;
  reset(values: T): void;
  /** Errors per field: the server's (from problem `errors[].pointer`) or a client hint. */
  errors: Partial<Record<keyof T & string, string>>;
  /** The failure of the last submit, shown above the form (ProblemAlert lists field errors not shown beside a field). */
  problem: unknown;
  busy: boolean;
  /** Runs the save; on a problem, shows each field error beside its field and the rest above the form. */
  submit(save: (values: T) => Promise<void>, clientErrors?: Partial<Record<keyof T & string, string>>): Promise<void>;
}

export function useForm<T extends object>(initial: T): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof T & string, string>>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit: Form<T>['submit'] = async (save, clientErrors = {}) => {
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      setProblem(null);
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await save(values);
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mine = Object.entries(e.fieldErrors()).filter(([field]) => field in values);
        setErrors(Object.fromEntries(mine) as Partial<Record<keyof T & string, string>>);
      }
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    set: (field) => (value) => setValues((v) => ({ ...v, [field]: value })),
    reset: (v) => { setValues(v); setErrors({}); setProblem(null); },
    errors,
    problem,
    busy,
    submit,
  };
}
