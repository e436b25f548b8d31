import { useEffect, useRef, useState } from 'react';
import { useShortcut } from '../shortcuts/keyboard-shortcuts.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

/**
 * What the search box asks for. The text goes to `ConversationFilter.search` (the
 * customer's name or phone) and to `searchMessages` (message text), each with its own list.
 */
export interface InboxSearchValue {
  text: string;
}

const DEBOUNCE_MS = 250;

export function InboxSearch({ value, onChange }: { value: InboxSearchValue; onChange(value: InboxSearchValue): void }) {
  const [text, setText] = useState(value.text);
  const input = useRef<HTMLInputElement>(null);
  const t = useStrings();
  useShortcut('/', () => input.current?.focus());
  useEffect(() => {
    if (text === value.text) return;
    const timer = setTimeout(() => onChange({ text }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value.text, onChange]);
  return (
    <form className="inbox-search" role="search" onSubmit={(event) => { event.preventDefault(); onChange({ text }); }}>
      <input
        ref={input}
        type="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
