import type { FastifyReply } from 'fastify';

/** A file a route answers with: its media type, the name it is saved under, and whether the browser shows it. */
export interface SentFile {
  type: string;
  name: string;
  /** Shown in the browser (a calendar feed) rather than saved. */
  inline?: boolean;
}

/**
 * Answers with `body` as a file (a report, an export, a feed): its media type and a
 * Content-Disposition naming it. The name is one the server builds, never one a user gave
 * (attachments carry their own, encoded header).
 */
export function sendFile(reply: FastifyReply, file: SentFile, body: unknown): FastifyReply {
  return reply
    .type(file.type)
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.name}"`)
    .send(body);
}
