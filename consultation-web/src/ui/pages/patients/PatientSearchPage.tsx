import { useState, type FormEvent } from 'react';
import { can } from '../../../core/auth/access';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { parseDisplayDate, toDisplayDate } from '../../../core/i18n/format';
import { href } from '../../../core/router/Router';
import type { PatientQuery } from '../../../core/types';
import { patientsService } from '../../../services/patients';
import { TextField } from '../../components/Field';
import { Link } from '../../components/Link';
import { Pager } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, useNavigate, usePlace, useService, useUser } from '../../platform';
import { Table } from '../../components/Table';

const PAGE_SIZE = 20;
const CRITERIA = ['name', 'citizenId', 'insuranceNumber', 'birthDate'] as const;

/**
 * Finds patients by name (accents optional), CCCD, BHYT number or birth date; without criteria it lists the
 * patients the user may see, by name. The criteria live in the URL, so Back from a patient returns to the
 * same results. The server checks the criteria; its complaints appear beside the field concerned.
 */
export function PatientSearchPage() {
  // Back/Forward changes the criteria: start over from the URL rather than keep stale inputs.
  const { query } = usePlace();
  return <PatientSearch key={query.toString()} />;
}

function PatientSearch() {
  const patients = useService(patientsService);
  const user = useUser();
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const { query: url } = usePlace();
  const applied: PatientQuery = Object.fromEntries(CRITERIA.map((c) => [c, url.get(c) ?? undefined]));
  const offset = Number(url.get('offset') ?? 0) || 0;

  const [name, setName] = useState(applied.name ?? '');
  const [citizenId, setCitizenId] = useState(applied.citizenId ?? '');
  const [insuranceNumber, setInsuranceNumber] = useState(applied.insuranceNumber ?? '');
  const [birthDate, setBirthDate] = useState(toDisplayDate(applied.birthDate));
  const [dateError, setDateError] = useState<string>();

  const results = useLoad((signal) => patients.search({ ...applied, limit: PAGE_SIZE, offset }, signal), url.toString());
  const serverErrors: Record<string, string> = results.error instanceof ApiProblem ? results.error.fieldErrors() : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const isoDate = birthDate.trim() ? parseDisplayDate(birthDate) : '';
    setDateError(isoDate === null ? t('form.invalidDate') : undefined);
    if (isoDate === null) return;
    navigate(href('/patients', { name: name.trim(), citizenId: citizenId.trim(), insuranceNumber: insuranceNumber.trim(), birthDate: isoDate }));
  };

  const clear = () => {
    setName(''); setCitizenId(''); setInsuranceNumber(''); setBirthDate(''); setDateError(undefined);
    navigate('/patients');
  };

  const page = results.data;
  return (
    <section>
      <div className="page-head">
        <h1>{t('patients.search.title')}</h1>
        {can(user, 'patients.create') && <Link className="button" href="/patients/new">{t('patients.new')}</Link>}
      </div>
      <form role="search" onSubmit={submit} noValidate aria-label={t('patients.search.title')} className="form search">
        <div className="row">
          <TextField label={t('patient.fullName')} value={name} onChange={setName} type="search"
            hint={t('patients.search.nameHint')} error={serverErrors.name} />
          <TextField label={t('patient.birthDate')} value={birthDate} onChange={setBirthDate} placeholder={t('form.datePlaceholder')}
            hint={t('patient.hint.birthDate')} error={dateError ?? serverErrors.birthDate} inputMode="numeric" />
        </div>
        <div className="row">
          <TextField label={t('patient.citizenId')} value={citizenId} onChange={setCitizenId} inputMode="numeric"
            error={serverErrors.citizenId} />
          <TextField label={t('patient.insuranceNumber')} value={insuranceNumber} onChange={setInsuranceNumber}
            error={serverErrors.insuranceNumber} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">{t('patients.search.submit')}</button>
          <button type="button" onClick={clear}>{t('patients.search.clear')}</button>
        </div>
      </form>

      {results.error ? <ProblemAlert error={results.error} shownFields={CRITERIA} /> : null}
      {results.loading && <p role="status">{t('common.loading')}</p>}
      {page && (
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title">{t('patients.search.results')}</h2>
          <p role="status">{page.total === 0 ? t('patients.search.none') : t('patients.search.total', { total: page.total })}</p>
          {page.items.length > 0 && (
            <Table labelledBy="results-title" columns={[
              t('patient.fullName'), t('patient.birthDate'), t('patient.sex'), t('patient.citizenId'), t('patient.insuranceNumber'),
            ]}>
              {page.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row"><Link href={`/patients/${encodeURIComponent(p.id)}`}>{p.fullName}</Link></th>
                  <td>{date(p.birthDate)}</td>
                  <td>{t(`sex.${p.sex}` as const)}</td>
                  <td>{p.citizenId ?? ''}</td>
                  <td>{p.insuranceNumber ?? ''}</td>
                </tr>
              ))}
            </Table>
          )}
          <Pager offset={offset} limit={PAGE_SIZE} total={page.total}
            onChange={(o) => navigate(href('/patients', { ...applied, offset: o || undefined }))} />
        </section>
      )}
    </section>
  );
}
