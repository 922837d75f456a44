import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { href } from '../../../core/router/Router';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, auditService, type ChainVerification } from '../../../services/audit';
import { SelectField, TextField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, usePlace, useService } from '../../platform';
import { Table } from '../../components/Table';

const PAGE_SIZE = 50;
const FILTERS = ['action', 'outcome', 'patientId'] as const;

/** The audit trail, newest first as the server pages it, with filters in the URL and a chain check. */
export function AuditPage() {
  const { query } = usePlace();
  return <AuditTrail key={query.toString()} />;
}

function AuditTrail() {
  const audit = useService(auditService);
  const { t, lookup, dateTime } = useI18n();
  const navigate = useNavigate();
  const { query: url } = usePlace();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, url.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Number(url.get('offset') ?? 0) || 0;
  const page = useLoad((signal) => audit.search({ ...applied, limit: PAGE_SIZE, offset }, signal), url.toString());
  const [filters, setFilters] = useState(applied);
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const serverErrors: Record<string, string> = page.error instanceof ApiProblem ? page.error.fieldErrors() : {};

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    setProblem(null);
    try {
      setVerification(await audit.verify());
    } catch (e) {
      setProblem(e);
    } finally {
      setVerifying(false);
    }
  };

  const filter = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('/admin/audit', { ...filters, patientId: filters.patientId.trim() }));
  };

  return (
    <section>
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <button type="button" onClick={verify} disabled={verifying}>{verifying ? t('audit.verifying') : t('audit.verify')}</button>
      </div>
      {verification && (
        <p role="status" className={verification.valid ? 'alert alert-ok' : 'alert alert-error'}>
          {verification.valid
            ? t('audit.valid', { checked: verification.checked })
            : t('audit.broken', {
              checked: verification.checked,
              firstBroken: verification.firstBroken?.seq ?? '?',
              reason: verification.firstBroken?.reason ?? '',
            })}
        </p>
      )}
      <ProblemAlert error={problem} />
      <form role="search" aria-label={t('audit.title')} onSubmit={filter} noValidate className="form">
        <div className="row">
          <SelectField label={t('audit.action')} value={filters.action} placeholder={t('audit.filter.all')}
            onChange={(action) => setFilters((f) => ({ ...f, action }))} error={serverErrors.action}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: lookup(`audit.action.${a}`) ?? a }))} />
          <SelectField label={t('audit.outcome')} value={filters.outcome} placeholder={t('audit.filter.all')}
            onChange={(outcome) => setFilters((f) => ({ ...f, outcome }))} error={serverErrors.outcome}
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}` as const) }))} />
          <TextField label={t('audit.patient')} value={filters.patientId} error={serverErrors.patientId}
            onChange={(patientId) => setFilters((f) => ({ ...f, patientId }))} />
        </div>
        <div className="actions">
          <button type="submit">{t('audit.filter.apply')}</button>
        </div>
      </form>
      {page.error ? <ProblemAlert error={page.error} shownFields={FILTERS} /> : null}
      {page.loading && !page.data && <p role="status">{t('common.loading')}</p>}
      {page.data && page.data.items.length === 0 && <p>{t('audit.none')}</p>}
      {page.data && page.data.items.length > 0 && (
        <Table label={t('audit.title')} columns={[
          '#', t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.resource'), t('audit.outcome'),
        ]}>
          {page.data.items.map((r) => (
            <tr key={r.seq}>
              <td>{r.seq}</td>
              <td>{dateTime(r.at)}</td>
              <td>{r.actorName ?? ''}{r.actorRole ? ` (${lookup(`role.${r.actorRole}`) ?? r.actorRole})` : ''}</td>
              <td>{lookup(`audit.action.${r.action}`) ?? r.action}</td>
              <td>
                {[r.resourceType, r.resourceId].filter(Boolean).join(' ')}
                {r.patientId && r.patientId !== r.resourceId ? ` · ${r.patientId}` : ''}
              </td>
              <td>{t(`audit.outcome.${r.outcome}` as const)}</td>
            </tr>
          ))}
        </Table>
      )}
      {page.data && (
        <Pager offset={offset} limit={PAGE_SIZE} total={page.data.total}
          onChange={(o) => navigate(href('/admin/audit', { ...applied, offset: o || undefined }))} />
      )}
    </section>
  );
}
