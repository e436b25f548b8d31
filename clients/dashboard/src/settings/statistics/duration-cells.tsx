import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { duration } from '../../format/duration.js';
import { useFormat } from '../../format/dates.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

export const DurationCellsFields = graphql(`
  fragment DurationCellsFields on DurationStats {
    count
    medianSeconds
    averageSeconds
  }
`);

/** Median, average and how many were measured, as three table cells. */
export function DurationCells(props: { stats: FragmentType<typeof DurationCellsFields> }) {
  const t = useStrings();
  const format = useFormat();
  const stats = readFragment(DurationCellsFields, props.stats);
  const units = { seconds: t('unitSeconds'), minutes: t('unitMinutes'), hours: t('unitHours'), days: t('unitDays') };
  return (
    <>
      <td>{duration(stats.medianSeconds, units)}</td>
      <td>{duration(stats.averageSeconds, units)}</td>
      <td>{format.number(stats.count)}</td>
    </>
  );
}
