import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/fakeServer';
import { en } from './en';
import { I18n, interpolate } from './I18n';
import { vi } from './vi';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(viKeys.filter((k) => !enKeys.includes(k)), 'only in vi.ts').toEqual([]);
    expect(enKeys.filter((k) => !viKeys.includes(k)), 'only in en.ts').toEqual([]);
    expect(viKeys.length).toBeGreaterThan(50);
  });

  it('use the same placeholders in both languages, and no empty message', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('write Vietnamese with its diacritics', () => {
    expect(vi['login.title']).toBe('Đăng nhập');
    expect(vi['login.sso']).toBe('Đăng nhập bằng SSO');
    expect(vi['patients.search.title']).toBe('Tìm bệnh nhân');
    expect(vi['patient.birthDate']).toBe('Ngày sinh');
    expect(vi['patient.citizenId']).toBe('Số CCCD');
    expect(vi['patient.insuranceNumber']).toBe('Số thẻ BHYT');
    expect(vi['patient.fullName']).toBe('Họ và tên');
    expect(vi['patient.sex']).toBe('Giới tính');
    expect(vi['sex.male']).toBe('Nam');
    expect(vi['sex.female']).toBe('Nữ');
    expect(vi['auth.logout']).toBe('Đăng xuất');
    expect(vi['app.tagline']).toBe('Hội chẩn từ xa');
    // A catalogue typed without accents ("Dang nhap") would slip past key parity; most sentences carry some.
    const sentences = Object.entries(vi).filter(([k, v]) => !k.startsWith('lang.') && v.includes(' '));
    const accented = sentences.filter(([, v]) => /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(v));
    expect(accented.length / sentences.length).toBeGreaterThan(0.9);
  });
});

describe('I18n', () => {
  it('starts in Vietnamese and marks the document', () => {
    const root = { lang: '' };
    const i18n = new I18n(memoryStorage(), root);
    expect(i18n.locale).toBe('vi');
    expect(root.lang).toBe('vi');
    expect(i18n.t('nav.patients')).toBe('Bệnh nhân');
  });

  it('remembers the chosen language, updates <html lang> and tells listeners', () => {
    const storage = memoryStorage();
    const root = { lang: '' };
    const i18n = new I18n(storage, root);
    const heard: string[] = [];
    i18n.events.subscribe('changed', (l) => heard.push(l));
    i18n.setLocale('en');
    expect(i18n.t('nav.patients')).toBe('Patients');
    expect(root.lang).toBe('en');
    expect(heard).toEqual(['en']);
    expect(new I18n(storage, { lang: '' }).locale).toBe('en');
  });

  it('ignores a stored value that is not a language we have', () => {
    const storage = memoryStorage();
    storage.setItem('consilium.locale', 'fr');
    expect(new I18n(storage, null).locale).toBe('vi');
  });

  it('looks up run-time keys and fills placeholders', () => {
    const i18n = new I18n(null, null);
    expect(i18n.lookup('problem.CNS-1002')).toBe('Tài khoản đang bị khoá.');
    expect(i18n.lookup('problem.CNS-9999')).toBeNull();
    expect(i18n.lookup('toString')).toBeNull();
    expect(i18n.t('audit.valid', { checked: 42 })).toBe('Chuỗi nhật ký toàn vẹn: đã kiểm tra 42 bản ghi.');
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });
});
