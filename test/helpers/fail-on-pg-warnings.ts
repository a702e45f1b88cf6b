import { afterAll, afterEach } from 'vitest';

/**
 * pg warns (DeprecationWarning, an error in pg 9) when a query is sent on a client already
 * running one: queries run concurrently on one connection, typically inside a transaction.
 * The suite fails on it: the test during which it was emitted fails, naming the warning.
 */
const CONCURRENT_QUERY = 'Calling client.query() when the client is already executing a query';
const seen: Error[] = [];

process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.includes(CONCURRENT_QUERY)) seen.push(warning);
});

function failOnWarnings() {
  const warning = seen.splice(0).at(0);
  if (warning)
    throw new Error(`pg: queries ran concurrently on one client: ${warning.message}\n${warning.stack ?? ''}`);
}

// A warning is emitted on the next tick: let it arrive before checking.
afterEach(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  failOnWarnings();
});
afterAll(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  failOnWarnings();
});
