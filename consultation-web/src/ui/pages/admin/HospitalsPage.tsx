import { hospitalsService } from '../../../services/hospitals';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, usePlace, useService } from '../../platform';
import { Table } from '../../components/Table';

export function HospitalsPage() {
  const hospitals = useService(hospitalsService);
  const { t } = useI18n();
  const { query } = usePlace();
  const list = useLoad((signal) => hospitals.list(signal), 'hospitals');
  const saved = query.get('saved');
  return (
    <section>
      <div className="page-head">
        <h1>{t('hospitals.title')}</h1>
        <Link className="button" href="/admin/hospitals/new">{t('hospitals.new')}</Link>
      </div>
      {saved && <Notice>{t('hospitals.saved', { name: saved })}</Notice>}
      <ProblemAlert error={list.error} />
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && list.data.length === 0 && <p>{t('hospitals.none')}</p>}
      {list.data && list.data.length > 0 && (
        <Table label={t('hospitals.title')} columns={[
          t('hospitals.code'), t('hospitals.name'), t('hospitals.level'), t('hospitals.province'), t('users.status'), t('common.actions'),
        ]}>
          {list.data.map((h) => (
            <tr key={h.id}>
              <td>{h.code}</td>
              <th scope="row">{h.name}</th>
              <td>{t(`hospitals.level.${h.level}` as const)}</td>
              <td>{h.province ?? ''}</td>
              <td>{h.active ? t('hospitals.active') : t('hospitals.status.inactive')}</td>
              <td>
                <Link href={`/admin/hospitals/${encodeURIComponent(h.id)}`} aria-label={`${t('common.edit')} ${h.name}`}>
                  {t('common.edit')}
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
