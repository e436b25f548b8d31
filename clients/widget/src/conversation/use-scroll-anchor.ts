import { useCallback, useLayoutEffect, useRef } from 'react';

/** Closer to the bottom than this counts as "at the bottom" (a line of text). */
const PINNED_PX = 48;

/**
 * Where the message list is scrolled:
 * - first show, and on opening again after replies came in meanwhile: at the first unread
 *   message (the "New messages" divider), else at the bottom;
 * - while the customer is at the bottom, new messages and photos that finish loading keep it there;
 * - earlier messages put on top keep what the customer was looking at in place.
 */
export function useScrollAnchor(list: React.RefObject<HTMLElement | null>, options: { ready: boolean; active: boolean; count: number; firstUnread: number | null }) {
  const positioned = useRef(false);
  const divider = useRef(options.firstUnread);
  if (divider.current !== options.firstUnread) {
    // A new divider (replies while the panel was closed): go there when the customer looks.
    divider.current = options.firstUnread;
    positioned.current = false;
  }
  const pinned = useRef(true);
  const heightBeforePrepend = useRef<number | null>(null);

  // Our own scroll to the bottom: its scroll event may come after a photo grew the list, and
  // must not read as the customer scrolling away from the bottom.
  const ownScroll = useRef(false);

  const toBottom = useCallback(() => {
    const element = list.current;
    if (!element || element.scrollHeight - element.clientHeight - element.scrollTop < 1) return;
    ownScroll.current = true;
    element.scrollTop = element.scrollHeight;
  }, [list]);

  // Where the last scroll event left the list: only the customer scrolling up leaves the bottom.
  const lastTop = useRef(0);

  const onScroll = useCallback(() => {
    const element = list.current;
    if (!element) return;
    const top = element.scrollTop;
    const movedUp = top < lastTop.current;
    lastTop.current = top;
    if (ownScroll.current) {
      ownScroll.current = false;
      pinned.current = true;
      return;
    }
    // A photo that grows the list can bring its scroll event (the browser keeping its place)
    // before its load event: that scroll goes down or nowhere, and must not unpin the list,
    // or the photo's own load would find it unpinned and leave the photo below the view.
    pinned.current = element.scrollHeight - top - element.clientHeight < PINNED_PX || (pinned.current && !movedUp);
  }, [list]);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !options.ready) return;
    if (heightBeforePrepend.current !== null) {
      element.scrollTop += element.scrollHeight - heightBeforePrepend.current;
      heightBeforePrepend.current = null;
      return;
    }
    // A hidden panel has no layout: position it when it shows.
    if (!positioned.current && options.active) {
      positioned.current = true;
      const divider = options.firstUnread === null ? null : element.querySelector<HTMLElement>('.cc-divider');
      if (divider) {
        // The list is `position: relative`, so offsetTop is inside it.
        element.scrollTop = divider.offsetTop - 8;
        ownScroll.current = false;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < PINNED_PX;
        return;
      }
    }
    if (pinned.current) toBottom();
  }, [list, options.ready, options.active, options.count, options.firstUnread, toBottom]);

  return {
    onScroll,
    /** A photo loaded: grow with it if we were at the bottom. */
    onMediaLoad: useCallback(() => {
      if (pinned.current) toBottom();
    }, [toBottom]),
    /** The customer sent something: show it. */
    stickToBottom: useCallback(() => {
      pinned.current = true;
    }, []),
    /** Call just before earlier messages go on top. */
    beforePrepend: useCallback(() => {
      heightBeforePrepend.current = list.current?.scrollHeight ?? null;
    }, [list]),
  };
}
