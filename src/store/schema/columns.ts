import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Column helpers shared by every area of the schema. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
export const bytea = customType<{ data: Buffer }>({
  dataType: () => 'bytea',
});
/** A timestamp with time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
