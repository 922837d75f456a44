import { ApiProblem, pointerField } from '../../core/api/ApiProblem';
import { useI18n } from '../platform';

/**
 * Tells the user what went wrong: our own sentence for codes we know, and the server's detail, which
 * carries the specifics (e.g. until when an account is locked).
 */
export function ProblemAlert({ error, shownFields = [] }: { error: unknown; shownFields?: readonly string[] }) {
  const { t, lookup } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : ApiProblem.network(error);
  const known = lookup(`problem.${problem.code}`);
  const summary = known ?? t('problem.generic', { code: problem.code });
  const showDetail = problem.detail && problem.status !== 0 && problem.detail !== problem.title;
  // Field errors already sit beside their field; list only those with no field on this form.
  const others = problem.errors.filter((e) => !shownFields.includes(pointerField(e.pointer)));
  return (
    <div role="alert" className="alert alert-error">
      <strong>{problem.errors.length > 0 && others.length === 0 ? t('form.fixErrors') : summary}</strong>
      {showDetail && problem.errors.length === 0 && <span className="detail"> {problem.detail}</span>}
      {others.length > 0 && (
        <ul>{others.map((e) => <li key={e.pointer + e.detail}>{e.pointer.replace(/^\//, '') || problem.detail}: {e.detail}</li>)}</ul>
      )}
    </div>
  );
}

export function Notice({ children }: { children: string }) {
  return <p role="status" className="alert alert-info">{children}</p>;
}
