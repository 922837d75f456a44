import { useState } from 'react';
import { href } from '../../../core/router/Router';
import { OUTBOX_STATES, emrOutboxService, type OutboxEntry } from '../../../services/emr';
import { SelectField } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Table } from '../../components/Table';
import { useI18n, useLoad, useNavigate, usePlace, useService } from '../../platform';

const PAGE_SIZE = 50;
const RETRYABLE = new Set(['rejected', 'exhausted', 'pending']);

/** Deliveries of signed reports to the hospital EMR: what waits, what failed and why, and a retry. */
export function EmrOutboxPage() {
  const { query } = usePlace();
  return <Outbox key={query.toString()} />;
}

function Outbox() {
  const outbox = useService(emrOutboxService);
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const { query: url } = usePlace();
  const state = url.get('state') ?? '';
  const offset = Number(url.get('offset') ?? 0) || 0;
  const [reload, setReload] = useState(0);
  const page = useLoad((signal) => outbox.list({ state: state || undefined, limit: PAGE_SIZE, offset }, signal),
    `${url.toString()}#${reload}`);
  const [problem, setProblem] = useState<unknown>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (entry: OutboxEntry) => {
    setProblem(null);
    setRetrying(entry.id);
    try {
      await outbox.retry(entry.id);
      setReload((n) => n + 1);
    } catch (e) {
      setProblem(e);
    } finally {
      setRetrying(null);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>{t('emrOutbox.title')}</h1>
        <button type="button" onClick={() => setReload((n) => n + 1)}>{t('emrOutbox.refresh')}</button>
      </div>
      {page.data && !page.data.enabled && <p role="status" className="alert">{t('emrOutbox.disabled')}</p>}
      <ProblemAlert error={problem} />
      <form role="search" aria-label={t('emrOutbox.title')} className="form" onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <SelectField label={t('emrOutbox.state')} value={state} placeholder={t('emrOutbox.allStates')}
            onChange={(next) => navigate(href('/admin/emr-outbox', { state: next || undefined }))}
            options={OUTBOX_STATES.map((s) => ({ value: s, label: t(`emrOutbox.state.${s}` as const) }))} />
        </div>
      </form>
      {page.error ? <ProblemAlert error={page.error} /> : null}
      {page.loading && !page.data && <p role="status">{t('common.loading')}</p>}
      {page.data && page.data.items.length === 0 && <p>{t('emrOutbox.none')}</p>}
      {page.data && page.data.items.length > 0 && (
        <Table label={t('emrOutbox.title')} columns={[
          t('emrOutbox.report'), t('emrOutbox.patient'), t('emrOutbox.state'), t('emrOutbox.attempts'),
          t('emrOutbox.lastError'), t('emrOutbox.next'), '',
        ]}>
          {page.data.items.map((e) => (
            <tr key={e.id}>
              <td>{e.reportId} · v{e.version}<br /><small>{dateTime(e.createdAt)}</small></td>
              <td>{e.patientId}</td>
              <td>{t(`emrOutbox.state.${e.state}` as const)}{e.deliveredAt ? ` · ${dateTime(e.deliveredAt)}` : ''}</td>
              <td>{e.attempts}</td>
              <td>{e.lastError ?? ''}</td>
              <td>{e.nextAttemptAt ? dateTime(e.nextAttemptAt) : ''}</td>
              <td>
                {RETRYABLE.has(e.state) && (
                  <button type="button" onClick={() => retry(e)} disabled={retrying === e.id}
                    aria-label={t('emrOutbox.retryReport', { report: `${e.reportId} v${e.version}` })}>
                    {t('emrOutbox.retry')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {page.data && (
        <Pager offset={offset} limit={PAGE_SIZE} total={page.data.total}
          onChange={(o) => navigate(href('/admin/emr-outbox', { state: state || undefined, offset: o || undefined }))} />
      )}
    </section>
  );
}
