import { useEffect, useState } from 'react';

/**
 * The time now, in ms, read once when the component mounts and again every `everyMs` while `active`: a render
 * stays pure (the same props draw the same thing) while "3 hours left" or "retry in 12 s" still moves on.
 */
export function useNow(everyMs = 60_000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs, active]);
  return now;
}
