import type { FastifyInstance } from 'fastify';

/**
 * The console is built by Vite into one module script and one stylesheet, both files under
 * /assets: no inline script or style is needed, so none is allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** What a downloaded file may do if a browser renders it anyway: nothing (no script, no same origin). */
export const DOWNLOAD_POLICY = 'sandbox';

/**
 * Security headers on every answer — API, console, errors and 404s alike. A route that set its
 * own Content-Security-Policy (attachment downloads: `sandbox`) keeps it. HSTS only when the
 * server is reached over TLS (its own certificate, or SECURE_COOKIES behind a TLS proxy).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (options.hsts || request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
