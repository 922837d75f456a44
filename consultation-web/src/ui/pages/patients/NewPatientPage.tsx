import { patientsService } from '../../../services/patients';
import { useI18n, useNavigate, useService } from '../../platform';
import { PatientForm } from './PatientForm';

export function NewPatientPage() {
  const patients = useService(patientsService);
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('patients.new.title')}</h1>
      <PatientForm title={t('patient.demographics')} initial={null} submitLabel={t('patients.new.submit')}
        onSave={async (draft) => {
          const created = await patients.create(draft);
          navigate(`/patients/${encodeURIComponent(created.id)}?created=1`, { replace: true });
        }}
        onCancel={() => navigate('/patients')} />
    </section>
  );
}
