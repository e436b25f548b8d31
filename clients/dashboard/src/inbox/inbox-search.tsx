import { useEffect, useState } from 'react';

/**
 * What the search box asks for. Today the text goes to `ConversationFilter.search`
 * (prefix of the customer's name or phone). When message search lands in the API it
 * becomes a second scope here (e.g. `scope: 'customers' | 'messages'`) with its own
 * result list, and the inbox keeps passing this one value around.
 */
export interface InboxSearchValue {
  text: string;
}

const DEBOUNCE_MS = 250;

export function InboxSearch({ value, onChange }: { value: InboxSearchValue; onChange(value: InboxSearchValue): void }) {
  const [text, setText] = useState(value.text);
  useEffect(() => {
    if (text === value.text) return;
    const timer = setTimeout(() => onChange({ text }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value.text, onChange]);
  return (
    <form className="inbox-search" role="search" onSubmit={(event) => { event.preventDefault(); onChange({ text }); }}>
      <input
        type="search"
        aria-label="Search customers by name or phone"
        placeholder="Search name or phone"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
