import { useMemo, useState } from 'react';
import { ApiProblem } from '../../../core/api/ApiProblem';
import { can } from '../../../core/auth/access';
import type { Patient } from '../../../core/types';
import { ViewerState } from '../../../services/imaging/ViewerState';
import { patientsService } from '../../../services/patients';
import { ImagingViewer } from '../imaging/ImagingViewer';
import { Link } from '../../components/Link';
import { Notice, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, useLoad, usePlace, useService, useUser } from '../../platform';
import type { PageProps } from '../../routes';
import { PatientForm } from './PatientForm';
import { PatientRecord } from './PatientRecord';

export function PatientPage({ params }: PageProps) {
  const patients = useService(patientsService);
  const { t } = useI18n();
  const user = useUser();
  const { query } = usePlace();
  const id = params.patientId;
  const loaded = useLoad((signal) => patients.get(id, signal), id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const patient = loaded.data;
  const viewer = useMemo(() => new ViewerState(), [id]);

  const reload = () => {
    setConflict(false);
    setEditing(false);
    loaded.reload();
  };

  return (
    <section aria-busy={loaded.loading}>
      <Link href="/patients">{t('patient.backToSearch')}</Link>
      {loaded.error ? <ProblemAlert error={loaded.error} /> : null}
      {loaded.loading && !patient && <p role="status">{t('common.loading')}</p>}
      {patient && (
        <>
          <h1>{patient.fullName}</h1>
          {can(user, 'consultations.create') && (
            <Link className="button" href={`/consultations/new?patientId=${encodeURIComponent(patient.id)}`}>{t('consult.new.fromPatient')}</Link>)}
          {' '}<Link className="button" href={`/patients/${encodeURIComponent(patient.id)}/lesion-analyses`}>{t('lesion.patientLink')}</Link>
          {query.get('created') && !saved && !editing && <Notice>{t('patients.new.created')}</Notice>}
          {saved && !editing && <Notice>{t('patient.saved')}</Notice>}
          {conflict && (
            <div role="alert" className="alert alert-error">
              {t('patient.conflict')} <button type="button" onClick={reload}>{t('patient.reload')}</button>
            </div>
          )}
          {editing ? (
            <PatientForm title={t('patient.editTitle')} initial={patient} submitLabel={t('common.save')}
              onCancel={() => setEditing(false)}
              onSave={async (draft) => {
                try {
                  loaded.set(await patients.update(patient.id, patient.version, draft));
                  setEditing(false);
                  setSaved(true);
                } catch (e) {
                  if (e instanceof ApiProblem && e.status === 412) setConflict(true);
                  throw e;
                }
              }} />
          ) : (
            <Demographics patient={patient} onEdit={() => { setSaved(false); setEditing(true); }} />
          )}
          <ImagingViewer patientId={patient.id} state={viewer} pacs />
          <PatientRecord patientId={patient.id} />
        </>
      )}
    </section>
  );
}

function Demographics({ patient, onEdit }: { patient: Patient; onEdit(): void }) {
  const { t, date, dateTime } = useI18n();
  const rows: [string, string][] = [
    [t('patient.fullName'), patient.fullName],
    [t('patient.birthDate'), date(patient.birthDate)],
    [t('patient.sex'), t(`sex.${patient.sex}` as const)],
    [t('patient.citizenId'), patient.citizenId ?? ''],
    [t('patient.insuranceNumber'), patient.insuranceNumber ?? ''],
    [t('patient.phone'), patient.phone ?? ''],
    [t('patient.address'), patient.address ?? ''],
    [t('patient.medicalRecordNumber'), patient.medicalRecordNumber ?? ''],
    [t('patient.createdAt'), dateTime(patient.createdAt)],
    [t('patient.updatedAt'), dateTime(patient.updatedAt)],
  ];
  return (
    <section aria-labelledby="demographics">
      <h2 id="demographics">{t('patient.demographics')}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onEdit}>{t('patient.edit')}</button>
    </section>
  );
}
