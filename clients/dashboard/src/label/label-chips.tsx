import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import './label.css';

export const LabelChipFields = graphql(`
  fragment LabelChipFields on Label {
    id
    name
    colour
  }
`);

/** Black or white, whichever reads better on `colour` (#rrggbb), by its relative luminance (WCAG). */
export function textColourOn(colour: string): string {
  const channels = [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black (L + 0.05) / 0.05 beats contrast with white 1.05 / (L + 0.05) above L ≈ 0.179.
  return luminance > 0.179 ? '#111827' : '#ffffff';
}

export function LabelChip({ label }: { label: FragmentType<typeof LabelChipFields> }) {
  const { name, colour } = readFragment(LabelChipFields, label);
  return (
    <span className="label-chip" style={{ background: colour, color: textColourOn(colour) }}>
      {name}
    </span>
  );
}

/** A thread's labels as chips, by name (the server's order); nothing when it has none. */
export function LabelChips({ labels, className }: { labels: readonly (FragmentType<typeof LabelChipFields> & { id: string })[]; className?: string }) {
  if (labels.length === 0) return null;
  return (
    <span className={`label-chips${className ? ` ${className}` : ''}`} data-testid="label-chips">
      {labels.map((label) => (
        <LabelChip key={label.id} label={label} />
      ))}
    </span>
  );
}
