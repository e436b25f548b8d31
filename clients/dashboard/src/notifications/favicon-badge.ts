import { useEffect } from 'react';

const ICON = `${import.meta.env.BASE_URL}favicon.svg`;
const SIZE = 64;

/** The tab's icon with the header's count (conversations waiting for an answer) on a red dot ("9+" past nine); the plain icon at zero. */
export function useFaviconBadge(unread: number): void {
  useEffect(() => {
    const link = iconLink();
    if (unread <= 0) {
      link.href = ICON;
      return;
    }
    let cancelled = false;
    const image = new Image();
    image.onload = () => {
      if (cancelled) return;
      const canvas = document.createElement('canvas');
      canvas.width = SIZE;
      canvas.height = SIZE;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.drawImage(image, 0, 0, SIZE, SIZE);
      context.fillStyle = '#dc2626';
      context.beginPath();
      context.arc(SIZE * 0.7, SIZE * 0.3, SIZE * 0.3, 0, 2 * Math.PI);
      context.fill();
      context.fillStyle = '#ffffff';
      context.font = `bold ${SIZE * 0.36}px sans-serif`;
      context.textAlign = 'center';
      context.textBaseline = 'middle';
      context.fillText(unread > 9 ? '9+' : String(unread), SIZE * 0.7, SIZE * 0.32);
      link.href = canvas.toDataURL('image/png');
      link.dataset.unread = String(unread);
    };
    image.src = ICON;
    return () => {
      cancelled = true;
      link.href = ICON;
      delete link.dataset.unread;
    };
  }, [unread]);
}

function iconLink(): HTMLLinkElement {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  link.removeAttribute('type');
  return link;
}
