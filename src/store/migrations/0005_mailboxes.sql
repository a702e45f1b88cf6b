CREATE TABLE "mail_messages" (
	"mailbox_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"sender" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"ticket_id" uuid,
	"language" text,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outgoing" (
	"message_id" text PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"mailbox_id" uuid,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_quarantine" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mailbox_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"message_id" text NOT NULL,
	"sender" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"raw" "bytea" NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailboxes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"name" text NOT NULL,
	"imap_host" text NOT NULL,
	"imap_port" integer NOT NULL,
	"imap_tls" boolean DEFAULT true NOT NULL,
	"imap_user" text NOT NULL,
	"imap_secret" text NOT NULL,
	"folder" text DEFAULT 'INBOX' NOT NULL,
	"ticket_type" text DEFAULT 'incident' NOT NULL,
	"service" text NOT NULL,
	"sensitivity" text DEFAULT 'LIMITED' NOT NULL,
	"address" text NOT NULL,
	"max_attachment_bytes" integer DEFAULT 5000000 NOT NULL,
	"sender_hourly_cap" integer DEFAULT 20 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"gateway_user_id" uuid NOT NULL,
	"lease_until" timestamp with time zone,
	"lease_holder" text,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "attachment_max_bytes" integer DEFAULT 10000000 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_messages" ADD CONSTRAINT "mail_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outgoing" ADD CONSTRAINT "mail_outgoing_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outgoing" ADD CONSTRAINT "mail_outgoing_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_quarantine" ADD CONSTRAINT "mail_quarantine_mailbox_id_mailboxes_id_fk" FOREIGN KEY ("mailbox_id") REFERENCES "public"."mailboxes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailboxes" ADD CONSTRAINT "mailboxes_gateway_user_id_users_id_fk" FOREIGN KEY ("gateway_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_messages_id" ON "mail_messages" USING btree ("mailbox_id","message_id");--> statement-breakpoint
CREATE INDEX "mail_messages_sender" ON "mail_messages" USING btree ("mailbox_id","sender","processed_at");--> statement-breakpoint
CREATE INDEX "mail_messages_ticket" ON "mail_messages" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "mail_outgoing_ticket" ON "mail_outgoing" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "mail_quarantine_party" ON "mail_quarantine" USING btree ("party_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mailboxes_name" ON "mailboxes" USING btree ("name");--> statement-breakpoint
CREATE INDEX "mailboxes_party" ON "mailboxes" USING btree ("party_id");