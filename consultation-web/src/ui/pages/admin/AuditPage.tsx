import { useState } from 'react';
import { auditService, type ChainVerification } from '../../../services/audit';
import { Pager } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useService } from '../../platform';

const PAGE_SIZE = 50;

export function AuditPage() {
  const audit = useService(auditService);
  const { t, lookup, dateTime } = useI18n();
  const [offset, setOffset] = useState(0);
  const page = useLoad(() => audit.list({ limit: PAGE_SIZE, offset }), String(offset));
  const [verification, setVerification] = useState<ChainVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

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
            : t('audit.broken', { checked: verification.checked, firstBroken: verification.firstBroken ?? '?' })}
        </p>
      )}
      <ProblemAlert error={problem ?? page.error} />
      {page.loading && !page.data && <p role="status">{t('common.loading')}</p>}
      {page.data && page.data.items.length === 0 && <p>{t('audit.none')}</p>}
      {page.data && page.data.items.length > 0 && (
        <table aria-label={t('audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.resource')}</th>
              <th scope="col">{t('audit.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((r) => (
              <tr key={r.seq}>
                <td>{dateTime(r.at)}</td>
                <td>{r.actorName ?? ''}{r.actorRole ? ` (${lookup(`role.${r.actorRole}`) ?? r.actorRole})` : ''}</td>
                <td>{lookup(`audit.action.${r.action}`) ?? r.action}</td>
                <td>{r.resourceType}{r.resourceId ? ` ${r.resourceId}` : ''}</td>
                <td>{lookup(`audit.outcome.${r.outcome}`) ?? r.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.data && <Pager offset={offset} limit={PAGE_SIZE} total={page.data.total} onChange={setOffset} />}
    </section>
  );
}
