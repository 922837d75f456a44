import type { Locale } from './I18n';

/** Clinical times are shown in the hospitals' zone whatever the workstation's clock says. */
export const CLINIC_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DISPLAY_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date (birth date) as the user reads it: dd/MM/yyyy in Vietnamese, "05 Mar 1980" in English
 * (unambiguous for readers used to either order). No time zone applies to a calendar date.
 */
export function formatDate(isoDate: string | null | undefined, locale: Locale): string {
  const m = ISO_DATE.exec(isoDate ?? '');
  if (!m) return isoDate ?? '';
  const [, y, mo, d] = m;
  return locale === 'vi' ? `${d}/${mo}/${y}` : `${d} ${MONTHS_EN[Number(mo) - 1]} ${y}`;
}

/** An instant (ISO 8601 with offset) as wall-clock time in Viet Nam, e.g. "07/03/2025 14:05:09". */
export function formatDateTime(instant: string | number | null | undefined, locale: Locale): string {
  if (instant === null || instant === undefined || instant === '') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: CLINIC_TIME_ZONE,
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  const day = formatDate(`${parts.year}-${parts.month}-${parts.day}`, locale);
  return `${day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** What the user typed in a date field (dd/mm/yyyy, also with . or -) as an ISO date; null if not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = DISPLAY_DATE.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An ISO date back into the dd/mm/yyyy form the date fields take. */
export function toDisplayDate(isoDate: string | null | undefined): string {
  const m = ISO_DATE.exec(isoDate ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
