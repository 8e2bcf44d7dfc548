import { useEffect, useState } from 'react';

/**
 * The time, read once when the component mounts and again every `everyMs`: render stays pure (no `Date.now()`
 * in it) and a page left open still turns a deadline late when it passes.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
