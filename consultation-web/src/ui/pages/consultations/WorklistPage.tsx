import { can } from '../../../core/auth/access';
import type { Role } from '../../../core/types';
import { consultationsService, type ConsultationRequest, type Worklist } from '../../../services/consultations';
import { Link } from '../../components/Link';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Table } from '../../components/Table';
import { useI18n, useLoad, usePlace, useService, useUser } from '../../platform';
import { useLiveRefresh } from './live';

/** The worklists each role works from; a new or changed request appears live. */
const VIEWS: Record<Role, readonly Worklist[]> = {
  district_doctor: ['mine', 'hospital'],
  specialist: ['incoming', 'participating', 'mine'],
  endoscopist: ['incoming', 'participating', 'mine'],
  administrator: ['incoming', 'hospital'],
};

export function WorklistPage() {
  const consultations = useService(consultationsService);
  const user = useUser()!;
  const { t, dateTime } = useI18n();
  const { query } = usePlace();
  const views = VIEWS[user.role];
  const view = (views as readonly string[]).includes(query.get('view') ?? '') ? query.get('view') as Worklist : views[0];
  const list = useLoad((signal) => consultations.worklist(view, undefined, signal), view);
  useLiveRefresh(list.reload);

  return (
    <section>
      <div className="page-head">
        <h1>{t('consult.title')}</h1>
        {can(user, 'consultations.schedule') && <Link className="button" href="/consultations/schedule">{t('consult.schedule.title')}</Link>}
        {can(user, 'consultations.availability') && <Link className="button" href="/consultations/availability">{t('consult.availability.title')}</Link>}
      </div>
      <nav aria-label={t('consult.worklists')} className="tabs">
        {views.map((v) => (
          <Link key={v} href={`/consultations?view=${v}`} aria-current={v === view ? 'page' : undefined}>{t(`consult.view.${v}` as const)}</Link>
        ))}
      </nav>
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.data && (list.data.length === 0 ? <p role="status">{t('consult.none')}</p> : (
        <Table label={t(`consult.view.${view}` as const)} columns={[t('consult.urgency'), t('consult.specialty'), t('consult.status'), t('consult.updated')]}>
          {list.data.map((r: ConsultationRequest) => (
            <tr key={r.id} className={`urgency-${r.urgency}`}>
              <th scope="row"><Link href={`/consultations/${encodeURIComponent(r.id)}`}>{t(`consult.urgency.${r.urgency}` as const)}</Link></th>
              <td>{r.specialty}</td>
              <td data-status={r.status}>{t(`consult.status.${r.status}` as const)}</td>
              <td>{dateTime(r.updatedAt)}</td>
            </tr>
          ))}
        </Table>
      ))}
    </section>
  );
}
