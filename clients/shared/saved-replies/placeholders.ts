/**
 * The placeholders a saved reply may hold (issue 19), and filling them in. One module for
 * the gateway, which refuses a saved reply naming an unknown one, and the dashboard, which
 * fills them in when the reply is inserted into the composer: the two can't drift apart.
 * Pure and dependency-free on purpose, since both the server build and the browser bundle
 * compile it.
 */

/** What the composer knows when it inserts a reply. Missing values stay as typed. */
export interface PlaceholderValues {
  customer?: { name?: string | null } | null;
  pharmacy?: { name?: string | null } | null;
  /** The staff member inserting the reply. */
  staff?: { name?: string | null } | null;
}

type Resolve = (values: PlaceholderValues) => string | null | undefined;

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] || null;
const lastName = (name: string | null | undefined) => name?.trim().split(/\s+/).slice(1).join(' ') || null;

/** Each supported placeholder, by the name written between `{{` and `}}`. */
const PLACEHOLDERS: Record<string, Resolve> = {
  'customer.firstName': (values) => firstName(values.customer?.name),
  'customer.lastName': (values) => lastName(values.customer?.name),
  'customer.name': (values) => values.customer?.name?.trim() || null,
  'pharmacy.name': (values) => values.pharmacy?.name?.trim() || null,
  'staff.firstName': (values) => firstName(values.staff?.name),
  'staff.name': (values) => values.staff?.name?.trim() || null,
  // "me" reads better in a sign-off: "Kind regards, {{me}}".
  me: (values) => firstName(values.staff?.name),
};

/** The names, in the order the dashboard offers them. */
export const KNOWN_PLACEHOLDERS: readonly string[] = Object.keys(PLACEHOLDERS);

/** `{{ name }}`: letters, digits and dots, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

const isKnown = (name: string) => Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);

/** The placeholders written in `text`, known or not, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The placeholders in `body` that are not supported, each once, in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersIn(body).filter((name) => !isKnown(name));
}

export interface FilledReply {
  text: string;
  /** Placeholders left as typed: not supported, or no value for them here (e.g. a thread without a customer name). */
  unfilled: string[];
}

/** `body` with every placeholder it can fill filled; the rest stay as typed, and are listed. */
export function fillPlaceholders(body: string, values: PlaceholderValues): FilledReply {
  const unfilled = new Set<string>();
  const text = body.replace(PLACEHOLDER, (written, name: string) => {
    const value = isKnown(name) ? PLACEHOLDERS[name]!(values) : null;
    if (value) return value;
    unfilled.add(name);
    return written;
  });
  return { text, unfilled: [...unfilled] };
}
