import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseDisplayDate, toDisplayDate } from './format';

describe('formatDate (calendar dates, no time zone)', () => {
  it('shows dd/MM/yyyy in Vietnamese and an unambiguous form in English', () => {
    expect(formatDate('1980-03-05', 'vi')).toBe('05/03/1980');
    expect(formatDate('1980-03-05', 'en')).toBe('05 Mar 1980');
  });

  it('never shifts a birth date by the workstation time zone', () => {
    // new Date('1980-03-05') is UTC midnight, i.e. 4 March in the Americas; a birth date must not move.
    expect(formatDate('1980-03-05', 'vi')).toBe('05/03/1980');
  });

  it('passes through what it cannot read', () => {
    expect(formatDate('05/03/1980', 'vi')).toBe('05/03/1980');
    expect(formatDate(null, 'vi')).toBe('');
  });
});

describe('formatDateTime (instants, shown in Asia/Ho_Chi_Minh)', () => {
  it('converts UTC to Vietnamese wall-clock time (UTC+7) across midnight', () => {
    expect(formatDateTime('2025-03-06T20:30:05Z', 'vi')).toBe('07/03/2025 03:30:05');
    expect(formatDateTime('2025-03-06T20:30:05Z', 'en')).toBe('07 Mar 2025 03:30:05');
  });

  it('honours the offset the server sent', () => {
    expect(formatDateTime('2025-12-31T23:59:59+07:00', 'vi')).toBe('31/12/2025 23:59:59');
    expect(formatDateTime('2025-12-31T17:00:00.123Z', 'vi')).toBe('01/01/2026 00:00:00');
  });

  it('accepts epoch milliseconds and leaves garbage visible', () => {
    expect(formatDateTime(Date.UTC(2024, 1, 29, 0, 0, 0), 'vi')).toBe('29/02/2024 07:00:00');
    expect(formatDateTime('not a time', 'vi')).toBe('not a time');
    expect(formatDateTime(undefined, 'vi')).toBe('');
  });
});

describe('parseDisplayDate', () => {
  it('reads day/month/year as typed in Viet Nam', () => {
    expect(parseDisplayDate('05/03/1980')).toBe('1980-03-05');
    expect(parseDisplayDate('5/3/1980')).toBe('1980-03-05');
    expect(parseDisplayDate(' 29.02.2024 ')).toBe('2024-02-29');
    expect(parseDisplayDate('31-12-1999')).toBe('1999-12-31');
  });

  it('rejects dates that do not exist or are not in day/month/year form', () => {
    expect(parseDisplayDate('31/02/1980')).toBeNull();
    expect(parseDisplayDate('29/02/2023')).toBeNull();
    expect(parseDisplayDate('13/13/2000')).toBeNull();
    expect(parseDisplayDate('1980-03-05')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
  });

  it('round-trips with toDisplayDate', () => {
    expect(toDisplayDate('1980-03-05')).toBe('05/03/1980');
    expect(parseDisplayDate(toDisplayDate('2001-11-09'))).toBe('2001-11-09');
    expect(toDisplayDate(undefined)).toBe('');
  });
});
