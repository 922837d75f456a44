import { useId, type ReactNode } from 'react';
import { useI18n } from '../platform';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (control: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

/**
 * A labelled form control with its hint and its error right beside it, wired with aria-describedby and
 * aria-invalid so a screen reader (and a test) reads the error as part of the field.
 */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> {t('common.required')}</span>}
      </label>
      {children({ id, describedBy, invalid: !!error })}
      {hint && <small id={hintId} className="hint">{hint}</small>}
      {error && <small id={errorId} className="error">{error}</small>}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'password' | 'tel' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel';
  placeholder?: string;
}

export function TextField({ label, value, onChange, error, hint, required, type = 'text', ...rest }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required}>
      {({ id, describedBy, invalid }) => (
        <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined}
          {...rest} />
      )}
    </Field>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  error?: string;
  required?: boolean;
  /** Shown as the first, empty choice when nothing is chosen yet. */
  placeholder?: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, error, required, placeholder } = props;
  return (
    <Field label={label} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}
          aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
}

export function CheckboxField({ label, checked, onChange, error }: CheckboxFieldProps) {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy }) => (
        <input id={id} type="checkbox" checked={checked} aria-describedby={describedBy} aria-invalid={!!error || undefined}
          onChange={(e) => onChange(e.target.checked)} />
      )}
    </Field>
  );
}

/** Save and cancel at the foot of a form; the save button says it is working while the request runs. */
export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>{busy ? t('common.saving') : submitLabel}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
    </div>
  );
}
