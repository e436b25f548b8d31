import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { duration } from '../../format/duration.js';

export const DurationCellsFields = graphql(`
  fragment DurationCellsFields on DurationStats {
    count
    medianSeconds
    averageSeconds
  }
`);

/** Median, average and how many were measured, as three table cells. */
export function DurationCells(props: { stats: FragmentType<typeof DurationCellsFields> }) {
  const stats = readFragment(DurationCellsFields, props.stats);
  return (
    <>
      <td>{duration(stats.medianSeconds)}</td>
      <td>{duration(stats.averageSeconds)}</td>
      <td>{stats.count}</td>
    </>
  );
}
