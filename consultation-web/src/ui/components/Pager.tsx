import { useI18n } from '../platform';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}

export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const { t } = useI18n();
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { from: offset + 1, to: Math.min(offset + limit, total), total })}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { from: total === 0 ? 0 : offset + 1, to: Math.min(offset + limit, total), total })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
