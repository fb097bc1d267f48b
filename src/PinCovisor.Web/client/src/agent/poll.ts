// Polling that refreshes on demand, never overlaps itself and slows down while the server fails.

export interface Poller {
  /** Runs now (or right after the run in flight) and restarts the interval. */
  refresh(): void;
  stop(): void;
}

/** The longest pause between two tries while the server fails. */
const maxDelayMs = 30_000;

export function poll(run: () => Promise<void>, intervalMs: number): Poller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;
  let failures = 0;

  async function tick(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = true;
    try {
      await run();
      failures = 0;
    } catch {
      // Shown by the panel itself; waiting longer keeps a struggling server from being hammered.
      failures = Math.min(failures + 1, 4);
    } finally {
      running = false;
    }
    if (stopped) return;
    if (again) {
      again = false;
      void tick();
      return;
    }
    timer = setTimeout(() => void tick(), Math.min(intervalMs * 2 ** failures, maxDelayMs));
  }

  void tick();
  return {
    refresh: () => void tick(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Calls <paramref name="action"/> once input has been quiet for <paramref name="ms"/>. */
export function debounce<A extends unknown[]>(action: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), ms);
  };
}
