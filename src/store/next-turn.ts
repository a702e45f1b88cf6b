/**
 * Lets the event loop run between two steps of a long background pass: PGlite is one connection
 * (in its own thread), so a pass must leave room for the requests' statements between its own
 * rather than keep requests (and their sockets) waiting until the whole pass ends.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
