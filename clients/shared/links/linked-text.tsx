import Linkify from 'linkify-react';
import type { Opts } from 'linkifyjs';

/**
 * Message text with its web addresses, e-mail addresses and phone links made clickable,
 * for both clients. linkify-react builds React elements (never an HTML string), so the
 * text stays text; a link opens in a new tab without handing it `window.opener` or the
 * page address. Only http(s), mailto and tel links are made: anything else linkifyjs
 * might recognise (`javascript:`, `data:`, `file:`, `ftp:` …) stays plain text.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The href if it is one we link, else null. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const OPTIONS: Opts = {
  defaultProtocol: 'https',
  target: '_blank',
  rel: 'noopener noreferrer',
  validate: (_value, _type, token) => safeHref(token.toHref('https')) !== null,
  formatHref: (href) => safeHref(href) ?? '',
};

interface LinkedTextProps {
  children: string;
  className?: string;
  /** The element around the text, `p` unless said otherwise. */
  as?: 'p' | 'span';
}

export function LinkedText({ children, className, as = 'p' }: LinkedTextProps) {
  return (
    <Linkify as={as} className={className} options={OPTIONS}>
      {children}
    </Linkify>
  );
}
