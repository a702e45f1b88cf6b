CREATE TABLE "catalogue_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"fulfillers" text DEFAULT 'owner' NOT NULL,
	"template" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "known_errors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"parties" text[] NOT NULL,
	"sensitivity" text NOT NULL,
	"title" text NOT NULL,
	"service" text NOT NULL,
	"symptoms" text NOT NULL,
	"cause" text NOT NULL,
	"workaround" text NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title || ' ' || service || ' ' || symptoms || ' ' || cause || ' ' || workaround)) STORED
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scope" text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "joint" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "partners" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "status" text DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "release_id" uuid;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_errors" ADD CONSTRAINT "known_errors_problem_id_tickets_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_errors" ADD CONSTRAINT "known_errors_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_items_code" ON "catalogue_items" USING btree ("party_id","kind","code");--> statement-breakpoint
CREATE INDEX "known_errors_problem" ON "known_errors" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "known_errors_search" ON "known_errors" USING gin ("search");--> statement-breakpoint
CREATE INDEX "known_errors_parties" ON "known_errors" USING gin ("parties");--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_release_id_tickets_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_windows_partners" ON "maintenance_windows" USING gin ("partners");