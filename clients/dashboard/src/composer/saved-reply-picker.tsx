import { useQuery } from '@apollo/client/react';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { fillPlaceholders } from '../../../shared/saved-replies/placeholders.js';
import { graphql } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { matchingReplies, replaceTrigger, slashTriggerAt } from './slash-trigger.js';
import './saved-reply-picker.css';

// The viewer's and pharmacy's names are already in the cache (the dashboard's viewer query).
const ComposerSavedRepliesQuery = graphql(`
  query ComposerSavedReplies {
    savedReplies {
      id
      shortcut
      title
      body
      shared
    }
    viewer {
      staff {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

interface PickerOptions {
  text: string;
  setText(text: string): void;
  input: RefObject<HTMLTextAreaElement | null>;
  /** The conversation's customer, for {{customer.…}}. */
  customerName: string | null;
}

/**
 * Saved replies in the composer (issue 19): typing `/` at the start or after a space opens
 * a list that filters as one types on; ↑/↓ choose, Enter or Tab insert the reply with its
 * placeholders filled in, Escape closes. The message box keeps the focus throughout (the
 * list is its `aria-controls`, the chosen option its `aria-activedescendant`), so typing
 * simply goes on.
 */
export function useSavedReplyPicker({ text, setText, input, customerName }: PickerOptions) {
  const t = useStrings();
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const trigger = slashTriggerAt(text, caret);
  // Loaded the first time a `/` is typed, not with every thread.
  const [wanted, setWanted] = useState(false);
  if (trigger && !wanted) setWanted(true);
  const { data, loading, error } = useQuery(ComposerSavedRepliesQuery, { skip: !wanted, fetchPolicy: 'cache-and-network' });
  // Escape closes the list for this `/`; a new `/` opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  if (!trigger && dismissedAt !== null) setDismissedAt(null);
  const open = trigger !== null && trigger.start !== dismissedAt;
  const matches = open ? matchingReplies(data?.savedReplies ?? [], trigger.query) : [];
  const [selection, setSelection] = useState({ query: '', index: 0 });
  const index = open && selection.query === trigger.query ? Math.min(selection.index, Math.max(matches.length - 1, 0)) : 0;
  const select = (next: number) => setSelection({ query: trigger?.query ?? '', index: next });

  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [text, input]);

  function pick(reply: { body: string }) {
    if (!trigger) return;
    const viewer = data?.viewer;
    const filled = fillPlaceholders(reply.body, {
      customer: { name: customerName },
      pharmacy: { name: viewer?.organization.name },
      staff: { name: viewer?.staff?.name },
    });
    const next = replaceTrigger(text, trigger, caret, filled.text);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setText(next.text);
  }

  /** Handles the list's keys while it is open; true when the key was the list's. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing) return false;
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return false;
        event.preventDefault();
        select((index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return true;
      case 'Enter':
      case 'Tab':
        if (count === 0 || event.shiftKey) return false;
        event.preventDefault();
        pick(matches[index]!);
        return true;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(trigger.start);
        return true;
      default:
        return false;
    }
  }

  const optionId = (id: string) => `${listId}-${id}`;
  const active = matches[index];
  const inputProps = {
    'aria-autocomplete': 'list' as const,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open && active ? optionId(active.id) : undefined,
    onSelect: (event: { currentTarget: HTMLTextAreaElement }) => setCaret(event.currentTarget.selectionStart),
  };

  const list = open ? (
    <div className="saved-replies">
      <ul id={listId} role="listbox" aria-label={t('savedRepliesList')} className="saved-replies__list">
        {matches.map((reply, position) => (
          <li
            key={reply.id}
            id={optionId(reply.id)}
            role="option"
            aria-selected={position === index}
            className="saved-replies__option"
            // Keep the focus (and the caret) in the message box.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => select(position)}
            onClick={() => pick(reply)}
          >
            <span className="saved-replies__shortcut">/{reply.shortcut}</span>
            <span className="saved-replies__title">{reply.title}</span>
            {reply.shared && <span className="saved-replies__badge">{t('savedReplyShared')}</span>}
            <span className="saved-replies__preview">{reply.body}</span>
          </li>
        ))}
      </ul>
      {matches.length === 0 && (
        <p className="saved-replies__empty" role="status">
          {loading && !data ? t('loading') : error && !data ? t('savedRepliesNotLoaded') : data?.savedReplies.length ? t('savedRepliesNoMatch') : t('savedRepliesNoneYet')}
        </p>
      )}
      <p className="saved-replies__hint">{t('savedRepliesHint')}</p>
    </div>
  ) : null;

  return { list, inputProps, onKeyDown, onTextChange: (next: number) => setCaret(next) };
}
