import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { errorMessage, langFromHeader } from '../i18n/messages.ts';
import { openStore, type Store } from '../store/db.ts';
import { COMMANDS } from './commands.ts';

const HELP = `passerelle — joint operations desk

Usage:
  passerelle serve                     start the HTTP server, console and jobs
  passerelle init [--demo]             create or migrate the store (and seed the demo)
  passerelle party add --id EU --name "…" [--language fr|en] [--require-totp] [--resolver-group "…"]…
                      [--time-zone Europe/Zurich --country CH --region BE]   business calendar (default Paris, FR)
  passerelle party set --id EU --require-totp true|false
  passerelle user add --party EU --username u --name "…" --password-env VAR|--password-stdin
                      --roles agent,resolver --clearance LIMITED|SENSITIVE|CRITICAL [--group "…"]… [--email e] [--language fr|en]
  passerelle user list --party EU [--json]          every account of the party, with last sign-in
  passerelle user invite --party EU --username u --name "…" --email e --roles agent --clearance LIMITED
                      [--group "…"]… [--language fr|en] [--base-url https://desk.example]   prints the one-time link
  passerelle user set --party EU --username u [--name "…"] [--email e] [--roles r,…] [--clearance C]
                      [--language fr|en] [--active true|false]
  passerelle user reset-password|reset-totp --party EU --username u [--base-url …]
  passerelle group list|add --party EU [--name "…" --kind resolver|level]
  passerelle group rename --party EU --group "…" --name "…"
  passerelle group member --party EU --group "…" --username u [--remove]
  passerelle sso show --party EU
  passerelle sso set --party EU --issuer https://idp.example --client-id id [--secret-env VAR]
                      --role-map 'claim=agent,resolver;…' --clearance-map 'claim=LIMITED;…'
                      [--role-claim groups] [--clearance-claim ets_clearance] [--account-mode link|create] [--enabled true|false]
  passerelle token create --username u --name "…" [--expires 2027-01-01T00:00:00Z]
                      prints only the token on stdout, for scripts
  passerelle mailbox add --party EU --name desk --host imap.example --port 993 [--tls true|false] --user u
                      --secret-env VAR --service "…" --address desk@example [--type incident|problem]
                      [--sensitivity LIMITED] [--folder INBOX] [--max-attachment-bytes N] [--sender-hourly-cap N]
  passerelle mailbox list --party EU
  passerelle mail ingest --mailbox desk < message.eml     one message piped by an MTA (same rules as the collector)
  passerelle quarantine list --party EU [--status held|retried|dropped]
  passerelle quarantine retry|drop --party EU --id UUID

  passerelle proposal list|show|create|accept|refuse|withdraw --as ADMIN_USERNAME [--json] …
                      SNC 10.2 agreement changes: create --effective-from YYYY-MM-DD --change '{"kind":"priority_matrix",…}'
                      [--party EU] [--reason "…"]; accept --id UUID [--note "…"]; refuse|withdraw --id UUID --reason "…";
                      list [--status proposed|accepted|refused|withdrawn|applied] [--kind …]
  passerelle webhook list|add|set|deliveries|replay --as ADMIN_USERNAME [--json] …
                      add --url https://… --clearance LIMITED [--kinds created,comment] [--description "…"];
                      set --id UUID [--status active|paused] [--url …]; deliveries --id UUID; replay --id UUID --delivery UUID

  passerelle audit verify [--checkpoint file.json]   recompute the audit chain (exit 3 when a problem is found)
  passerelle audit checkpoint          sign the chain's head now (the server adds one daily)
  passerelle backup --out file.gz [--url http://host:8080]   consistent copy of the whole instance while it serves
                      (--url: taken by the running server, sysadmin token in PASSERELLE_TOKEN; needed for PGlite)
  passerelle restore --file file.gz   bring a backup back into an empty store (checked before anything is written)
  passerelle export --party EU [--out file.tar.gz]   the party's archive (every ticket it takes part in; docs/export.md)
  passerelle import --file file.tar.gz    load an archive (checked first; one transaction)
  passerelle import --csv tickets.csv --party EU [--source NAME] [--as USER]
                      incidents from another tool with their original opening, first-intervention and
                      resolution times (docs/import-csv.md; every row checked first, nothing written on error)
  passerelle offboarding notice --party CH   record the end-of-contract notice (reminder at 21 days, erasure at 29)
  passerelle offboarding erase --party CH    erase now (after notice); prints the signed certificate

The store is the one the server uses: DATABASE_URL when set, else PGlite in DATA_DIR.
Output is JSON on stdout (--json is accepted and changes nothing); errors go to stderr with a non-zero exit code.`;

/** Runs one administration command against the configured store; returns the exit code. */
export async function runCli(command: string, args: string[], config: Config): Promise<number> {
  const key = [command, args[0]].filter(Boolean).join(' ');
  const entry = COMMANDS[key] ?? COMMANDS[command];
  if (!entry || command === 'help' || args.includes('--help')) {
    console.log(HELP);
    return entry || command === 'help' || args.includes('--help') ? 0 : 2;
  }
  // `--json`: the output is JSON (the default of every command; the flag is accepted for scripts that say so).
  const rest = (COMMANDS[key] ? args.slice(1) : args).filter((a) => a !== '--json');
  let store: Store | undefined;
  try {
    const { values } = parseArgs({ args: rest, options: entry.options, strict: true, allowPositionals: false });
    store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const output = await entry.run(store.db, values as Record<string, string | boolean | string[] | undefined>, config);
    process.stdout.write(typeof output === 'string' ? `${output}\n` : `${JSON.stringify(output, null, 2)}\n`);
    // A verification that finds a problem (`ok: false`) fails the command, for scripts.
    return output && typeof output === 'object' && (output as { ok?: unknown }).ok === false ? 3 : 0;
  } catch (error) {
    const lang = langFromHeader(process.env.LANG?.replace('_', '-'));
    if (error instanceof AppError) {
      console.error(
        `${error.code}${error.field ? ` (${error.field})` : ''}: ${errorMessage(error.code, lang, { field: error.field ?? '', ...error.params })}`,
      );
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    return 1;
  } finally {
    await store?.close();
  }
}
