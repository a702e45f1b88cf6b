/**
 * Lets the event loop run between two steps of a long background pass: PGlite answers on this
 * thread, so a chain of queries alone would keep requests (and their sockets) waiting until the
 * whole pass ends.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
