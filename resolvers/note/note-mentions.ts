/** A colleague as a note can name them. */
export interface Mentionable {
  id: string;
  name: string;
}

const folded = (text: string) => text.normalize('NFKC').toLocaleLowerCase('nl');

/**
 * Who a note names with `@`: a colleague's full name ("@Anna de Vries") or the first word
 * of it ("@Anna"), in any case, followed by the end or a character that can't continue a
 * name. Everyone whose first name matches is named: the note's author sees who that is.
 */
export function mentionedIn(body: string, colleagues: readonly Mentionable[]): Mentionable[] {
  const text = folded(body);
  const named = (handle: string) => {
    const wanted = `@${folded(handle)}`;
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      const next = text[at + wanted.length];
      if (next === undefined || !/[\p{L}\p{N}_-]/u.test(next)) return true;
    }
    return false;
  };
  return colleagues.filter((colleague) => {
    const name = colleague.name.trim();
    if (!name) return false;
    return named(name) || named(name.split(/\s+/)[0]!);
  });
}
