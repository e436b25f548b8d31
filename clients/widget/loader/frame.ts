export interface ChatFrameOptions {
  /** The gateway's origin: the app is served at `/widget/` there. */
  appOrigin: string;
  org: string;
  lang: string;
  /** Until the app names it after the pharmacy. */
  title: string;
  /** Where the frame goes (next to the launcher, in its shadow root). */
  container: HTMLElement;
}

export interface ChatFrame {
  /** Creates the (hidden) iframe the first time, so the app starts loading; later calls do nothing. */
  ensure(): void;
  /** The app's window, once the frame exists. */
  target(): Window | null | undefined;
  /** Creates the frame if need be and shows it. */
  show(): void;
  hide(): void;
  focus(): void;
  setTitle(title: string): void;
}

/** The iframe the chat app runs in, created only when it is first needed. */
export function createChatFrame(options: ChatFrameOptions): ChatFrame {
  let frame: HTMLIFrameElement | undefined;
  const ensure = (): HTMLIFrameElement => {
    if (frame) return frame;
    frame = document.createElement('iframe');
    const src = new URL('/widget/', options.appOrigin);
    src.searchParams.set('org', options.org);
    src.searchParams.set('host', location.origin);
    src.searchParams.set('lang', options.lang);
    frame.src = src.href;
    frame.className = 'panel';
    frame.title = options.title;
    frame.hidden = true;
    // Camera and microphone: photos from the composer, and video calls (issue 21).
    frame.setAttribute('allow', 'camera; microphone; clipboard-write');
    options.container.append(frame);
    return frame;
  };
  return {
    ensure,
    target: () => frame?.contentWindow,
    show() {
      ensure().hidden = false;
    },
    hide() {
      if (frame) frame.hidden = true;
    },
    focus: () => frame?.focus(),
    setTitle(title) {
      if (frame) frame.title = title;
    },
  };
}
