import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { db } from '../../db';
import { photosFor } from '../../db/photos';
import './speakers.css';

const NO_PHOTOS = new Map<string, Blob>();

/** The cached photos for these URLs, read in one query and kept current as downloads land. */
export function usePhotos(urls: readonly string[]): Map<string, Blob> {
  const key = urls.join('\n');
  return useLiveQuery(() => photosFor(db, key ? key.split('\n') : []), [key]) ?? NO_PHOTOS;
}

function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, ' ').split(/[\s\-_.]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = [...(words[0] ?? '?')][0] ?? '?';
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * A speaker's cached photo as a blob: URL (revoked when it goes away), or their initials.
 * Never the remote URL: the app stays offline-first and the CSP allows no remote images.
 */
export function SpeakerPhoto({ name, blob, size = 'small', label }: { name: string; blob: Blob | undefined; size?: 'small' | 'large'; label?: string }) {
  // One blob: URL per blob, revoked when the blob changes or the photo goes away.
  const src = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(() => () => {
    if (src) URL.revokeObjectURL(src);
  }, [src]);
  const className = `avatar avatar-${size}`;
  if (src) return <img className={className} src={src} alt={label ?? ''} decoding="async" />;
  return (
    <span className={`${className} avatar-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
