import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { LabelChip } from '../../label/label-chips.js';

export const LabelStatsFields = graphql(`
  fragment LabelStatsFields on ConversationStats {
    byLabel {
      label {
        id
        ...LabelChipFields
      }
      conversations
      openConversations
      createdConversations
    }
  }
`);

/** The conversations carrying each label: now, open now, and created in the range. */
export function LabelStatsTable({ stats }: { stats: FragmentType<typeof LabelStatsFields> }) {
  const { byLabel } = readFragment(LabelStatsFields, stats);
  const t = useStrings();
  return (
    <div className="settings-table__scroll">
      <table className="settings-table settings-table--stats" aria-label={t('labelStatsTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('labelStatsLabel')}</th>
            <th scope="col">{t('labelStatsConversations')}</th>
            <th scope="col">{t('labelStatsOpen')}</th>
            <th scope="col">{t('labelStatsCreated')}</th>
          </tr>
        </thead>
        <tbody>
          {byLabel.length === 0 && (
            <tr>
              <td colSpan={4} className="settings__muted">
                {t('labelsEmpty')}
              </td>
            </tr>
          )}
          {byLabel.map((row) => (
            <tr key={row.label.id}>
              <th scope="row">
                <LabelChip label={row.label} />
              </th>
              <td>{row.conversations}</td>
              <td>{row.openConversations}</td>
              <td>{row.createdConversations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
