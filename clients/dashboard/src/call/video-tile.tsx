import { useEffect, useRef } from 'react';

/** A <video> showing a MediaStream; the local one is mirrored and muted (no echo of oneself). */
export function VideoTile({ stream, local, label, className }: { stream: MediaStream | null; local?: boolean; label: string; className?: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} className={className} autoPlay playsInline muted={local} aria-label={label} data-testid={local ? 'local-video' : 'remote-video'} />;
}
