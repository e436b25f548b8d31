import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The newest message from the pharmacy that was actually on screen (at least half of it in
 * the list's viewport), while the panel was open and the tab visible. Only that moves the
 * read position: the pharmacist's "Seen" means the customer could have read it.
 */
export function useSeenMessages(list: React.RefObject<HTMLElement | null>, active: boolean) {
  const [seenUpTo, setSeenUpTo] = useState(0);
  const onScreen = useRef(new Set<number>());
  const observer = useRef<IntersectionObserver | null>(null);
  const elements = useRef(new Map<Element, number>());
  const activeRef = useRef(active);
  activeRef.current = active;

  const record = useCallback(() => {
    if (!activeRef.current || onScreen.current.size === 0) return;
    const newest = Math.max(...onScreen.current);
    setSeenUpTo((current) => Math.max(current, newest));
  }, []);

  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const sequence = elements.current.get(entry.target);
          if (sequence === undefined) continue;
          if (entry.isIntersecting && entry.intersectionRatio >= 0.5) onScreen.current.add(sequence);
          else onScreen.current.delete(sequence);
        }
        record();
      },
      { root: list.current, threshold: [0, 0.5, 1] },
    );
    observer.current = io;
    for (const element of elements.current.keys()) io.observe(element);
    return () => io.disconnect();
  }, [list, record]);

  // Opening the panel or coming back to the tab: what is on screen now counts.
  useEffect(() => {
    if (active) record();
  }, [active, record]);

  /** A ref callback for a pharmacy message's element. */
  const observe = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const sequence = Number(element.dataset.sequence);
    if (!Number.isFinite(sequence) || elements.current.has(element)) return;
    elements.current.set(element, sequence);
    observer.current?.observe(element);
  }, []);

  return { seenUpTo, observe };
}
