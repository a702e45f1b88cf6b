import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications.ts';
import { renderNotification } from '../../i18n/notifications.ts';
import type { Lang } from '../../domain/lang.ts';
import type { Db } from '../../store/db.ts';
import { listOwnNotifications, listPrefs, markRead, upsertPref } from '../../store/notifications.ts';
import type { Actor } from '../../domain/actor.ts';

/** The actor's in-app notifications, rendered in their language, newest first. */
export async function ownNotifications(db: Db, actor: Actor, lang: Lang, limit = 50) {
  const { rows, unread } = await listOwnNotifications(db, actor, limit);
  return {
    unread,
    items: rows.map((n) => {
      const params = n.params;
      return {
        id: n.id,
        kind: n.kind,
        ticketRef: params.ref ?? null,
        ...renderNotification(n.kind, lang, params),
        createdAt: n.createdAt,
        readAt: n.readAt,
      };
    }),
  };
}

export function markOwnRead(db: Db, actor: Actor, ids: string[] | 'all') {
  return markRead(db, actor.id, ids, new Date());
}

/** Every kind with the actor's choice per channel (both on unless turned off). */
export async function ownPreferences(db: Db, actor: Actor) {
  const rows = await listPrefs(db, actor.id);
  return NOTIFICATION_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return { kind, inApp: row?.inApp ?? true, email: row?.email ?? true };
  });
}

export async function setOwnPreferences(
  db: Db,
  actor: Actor,
  prefs: { kind: NotificationKind; inApp: boolean; email: boolean }[],
) {
  await db.transaction(async (tx) => {
    for (const p of prefs) await upsertPref(tx, actor.id, p.kind, p.inApp, p.email);
  });
  return ownPreferences(db, actor);
}
