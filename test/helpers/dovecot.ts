import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT = process.env.DOVECOT_BIN ?? '/usr/sbin/dovecot';

export interface Dovecot {
  host: string;
  port: number;
  /** Adds an IMAP account (passwd-file, re-read by Dovecot when it changes). */
  addUser(user: string, password: string): void;
  /** Delivers a raw message into the account's INBOX through IMAP APPEND (unseen). */
  append(user: string, raw: string | Buffer): Promise<void>;
  /** A logged-in client for the account. */
  client(user: string): Promise<ImapFlow>;
  /** UIDs of the INBOX, with whether each is \Seen. */
  inbox(user: string): Promise<{ uid: number; seen: boolean }[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Dovecot did not listen on ${port}`);
}

function idOf(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no system user ${name}`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A real Dovecot IMAP server on a free loopback port with a throw-away configuration, Maildir
 * and passwd-file users. As root, Dovecot's own system users (from the Debian package) run its
 * processes; otherwise everything runs as the current user.
 */
export async function startDovecot(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-dovecot-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const mailId = root ? idOf('dovecot') : { uid: me.uid, gid: me.gid };
  for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'passwd'), '');
  const groupName = root ? 'dovecot' : (spawnSync('id', ['-gn']).stdout.toString().trim() as string);
  const conf = `
first_valid_uid = 1
first_valid_gid = 1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_login_user = ${root ? 'dovenull' : me.username}
default_internal_user = ${root ? 'dovecot' : me.username}
default_internal_group = ${groupName}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailId.uid} gid=${mailId.gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service pop3-login {
  chroot =
}
service submission-login {
  chroot =
}
service imap-urlauth-login {
  chroot =
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), conf);
  if (root) {
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'passwd'), 0o644);
    for (const sub of ['mail', 'home']) chownSync(join(dir, sub), mailId.uid, mailId.gid);
  }
  // The master daemonises; its output goes to the log file (a pipe would keep spawnSync waiting for the daemon).
  const started = spawnSync(DOVECOT, ['-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  if (started.status !== 0) {
    const log = readFileSync(join(dir, 'dovecot.log'), 'utf8');
    throw new Error(`dovecot failed (${started.status}): ${log}`);
  }
  await waitForPort(port);

  const passwords = new Map<string, string>();
  const client = async (user: string) => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: passwords.get(user) ?? '' },
      logger: false,
    });
    await c.connect();
    return c;
  };
  return {
    host: '127.0.0.1',
    port,
    addUser(user, password) {
      passwords.set(user, password);
      appendFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
    },
    async append(user, raw) {
      const c = await client(user);
      try {
        await c.append('INBOX', raw);
      } finally {
        await c.logout();
      }
    },
    client,
    async inbox(user) {
      const c = await client(user);
      try {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const all: { uid: number; seen: boolean }[] = [];
          if ((c.mailbox as { exists: number }).exists === 0) return all;
          for await (const m of c.fetch('1:*', { uid: true, flags: true })) {
            all.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false });
          }
          return all;
        } finally {
          lock.release();
        }
      } finally {
        await c.logout();
      }
    },
    async stop() {
      try {
        const pid = Number(readFileSync(join(dir, 'run', 'master.pid'), 'utf8').trim());
        process.kill(pid, 'SIGTERM');
        for (let i = 0; i < 100; i++) {
          try {
            process.kill(pid, 0);
            await new Promise((r) => setTimeout(r, 50));
          } catch {
            break;
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
