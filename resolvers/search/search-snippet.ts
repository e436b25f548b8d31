/** A piece of a search snippet: text to show as it is, marked when it matched the query. */
export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/**
 * Private-use code points that mark matches in `ts_headline` output. The body goes
 * in with them removed (`translate`), so any marker in the output is ours, and the
 * client receives parts instead of HTML: no one ever renders user text as markup.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/** `ts_headline` options: up to two fragments around the matches. */
export const HEADLINE_OPTIONS =
  `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=24, MinWords=8, ` +
  `FragmentDelimiter=" … "`;

/** Splits marked-up headline text into parts; adjacent parts of one kind are merged. */
export function parseHeadline(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, highlighted: boolean) => {
    if (!text) return;
    const previous = parts.at(-1);
    if (previous && previous.highlighted === highlighted) previous.text += text;
    else parts.push({ text, highlighted });
  };
  const [before, ...marked] = headline.split(HIGHLIGHT_START);
  push(before!.replaceAll(HIGHLIGHT_STOP, ''), false);
  for (const piece of marked) {
    const stop = piece.indexOf(HIGHLIGHT_STOP);
    if (stop === -1) {
      push(piece, true);
      continue;
    }
    push(piece.slice(0, stop), true);
    push(piece.slice(stop + 1).replaceAll(HIGHLIGHT_STOP, ''), false);
  }
  return parts;
}
