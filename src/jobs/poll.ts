/**
 * Runs `step` every `pollMs` until the returned function is called; a step that did some work
 * (returned more than 0) runs again at once, so one tick drains what is due. An error goes to
 * `log` and polling goes on. The first tick comes after `firstMs`.
 */
export function startPolling(
  step: () => Promise<number>,
  pollMs: number,
  log: (error: unknown) => void,
  firstMs = pollMs,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      while (!stopped && (await step()) > 0);
    } catch (error) {
      log(error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), pollMs);
  };
  timer = setTimeout(() => void tick(), firstMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
