import { useEffect, useState } from 'react';

/**
 * The time now, in ms, read once when the component mounts and again every `everyMs`: a render stays pure
 * (the same props draw the same thing) while "3 hours left" still moves on.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
