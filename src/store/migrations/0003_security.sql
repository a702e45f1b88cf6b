CREATE TABLE "access_review_items" (
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"clearance" text NOT NULL,
	"active" boolean NOT NULL,
	"decision" text,
	"new_roles" text[],
	"new_clearance" text,
	"note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "access_review_items_review_id_user_id_pk" PRIMARY KEY("review_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "access_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "asset_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"reviewed_by" uuid,
	"reviewer_name" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sensitivity" text NOT NULL,
	"content" "bytea" NOT NULL,
	"party" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"name" text NOT NULL,
	"usage" text NOT NULL,
	"pem" text NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"serial" text NOT NULL,
	"fingerprint" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"ca_id" uuid,
	"state" text NOT NULL,
	"verification" jsonb,
	"change_id" uuid,
	"alerts" text[] DEFAULT '{}'::text[] NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imt_rosters" (
	"party_id" text NOT NULL,
	"event_type" text NOT NULL,
	"members" uuid[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imt_rosters_party_id_event_type_pk" PRIMARY KEY("party_id","event_type")
);
--> statement-breakpoint
CREATE TABLE "information_assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"common" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner" text NOT NULL,
	"confidentiality" text NOT NULL,
	"integrity" text NOT NULL,
	"availability" text NOT NULL,
	"sensitivity" text NOT NULL,
	"personal_data" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"parts" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_interval_days" integer DEFAULT 365 NOT NULL,
	"next_review_at" timestamp with time zone NOT NULL,
	"review_reminded" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_allowlist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"cidr" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trusted_cas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"fingerprint" text NOT NULL,
	"pem" text NOT NULL,
	"trusted_by" text[] NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_cas_fingerprint_unique" UNIQUE("fingerprint")
);
--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "security_policy" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "team" uuid[];--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_review_id_access_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."access_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_reviews" ADD CONSTRAINT "asset_reviews_asset_id_information_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."information_assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_ca_id_trusted_cas_id_fk" FOREIGN KEY ("ca_id") REFERENCES "public"."trusted_cas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_change_id_tickets_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imt_rosters" ADD CONSTRAINT "imt_rosters_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_assets" ADD CONSTRAINT "information_assets_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_allowlist" ADD CONSTRAINT "ip_allowlist_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_allowlist" ADD CONSTRAINT "ip_allowlist_request_id_tickets_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_reviews_party" ON "access_reviews" USING btree ("party_id","started_at");--> statement-breakpoint
CREATE INDEX "asset_reviews_asset" ON "asset_reviews" USING btree ("asset_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "attachments_ticket" ON "attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "certificates_party" ON "certificates" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "certificates_expiry" ON "certificates" USING btree ("not_after");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_fingerprint" ON "certificates" USING btree ("party_id","fingerprint");--> statement-breakpoint
CREATE INDEX "information_assets_party" ON "information_assets" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "information_assets_review" ON "information_assets" USING btree ("next_review_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ip_allowlist_party_cidr" ON "ip_allowlist" USING btree ("party_id","cidr");