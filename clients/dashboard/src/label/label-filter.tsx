import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { LabelsQuery } from './labels-query.js';

/** The inbox's label filter: every label of the pharmacy, or any; hidden while the pharmacy has none. */
export function LabelFilter({ labelId, onChange }: { labelId: string | null; onChange(labelId: string | null): void }) {
  const { data } = useQuery(LabelsQuery, { fetchPolicy: 'cache-and-network' });
  const t = useStrings();
  const labels = data?.labels ?? [];
  // A label deleted meanwhile no longer filters anything.
  const current = labels.some((label) => label.id === labelId) ? labelId : null;
  useEffect(() => {
    if (data && labelId && !current) onChange(null);
  }, [data, labelId, current, onChange]);
  if (labels.length === 0) return null;
  return (
    <label className="label-filter">
      <span className="visually-hidden">{t('labelFilter')}</span>
      <select value={current ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{t('labelFilterAny')}</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
      </select>
    </label>
  );
}
