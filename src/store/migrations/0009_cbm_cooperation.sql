CREATE TABLE "vulnerability_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"tracking_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"product_version" text NOT NULL,
	"cve" text,
	"remediation_category" text NOT NULL,
	"remediation" text NOT NULL,
	"sensitivity" text NOT NULL,
	"revisions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_point_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"kind" text NOT NULL,
	"changes" jsonb NOT NULL,
	"by_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"level" text NOT NULL,
	"structure" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"channels" text[] NOT NULL,
	"around_the_clock" boolean DEFAULT false NOT NULL,
	"escalation_level" integer,
	"sensitivity" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"reminded_for" timestamp with time zone,
	"stale_flagged_for" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"by_id" uuid,
	"by_name" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"proposed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "glossary_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"definition_fr" text NOT NULL,
	"definition_en" text NOT NULL,
	"party_id" text NOT NULL,
	"by_id" uuid,
	"acceptances" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cbm_reminders" (
	"key" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"by_id" uuid,
	"question" text NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"asked_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange_reads" (
	"exchange_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"party_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_reads_exchange_id_user_id_pk" PRIMARY KEY("exchange_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party_id" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"body_en" text,
	"sensitivity" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organiser_party" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"agenda" text NOT NULL,
	"participants" jsonb NOT NULL,
	"minutes" text,
	"decisions" jsonb NOT NULL,
	"exchange_ids" uuid[] NOT NULL,
	"sensitivity" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"description" text NOT NULL,
	"party" text NOT NULL,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "security_txt" jsonb;--> statement-breakpoint
ALTER TABLE "vulnerability_notices" ADD CONSTRAINT "vulnerability_notices_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerability_notices" ADD CONSTRAINT "vulnerability_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_contact_id_contact_points_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_comments" ADD CONSTRAINT "glossary_comments_term_id_glossary_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_comments" ADD CONSTRAINT "glossary_comments_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_comments" ADD CONSTRAINT "glossary_comments_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_proposed_by_parties_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_versions" ADD CONSTRAINT "glossary_versions_term_id_glossary_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_versions" ADD CONSTRAINT "glossary_versions_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_versions" ADD CONSTRAINT "glossary_versions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_questions" ADD CONSTRAINT "exchange_questions_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_questions" ADD CONSTRAINT "exchange_questions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_questions" ADD CONSTRAINT "exchange_questions_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_reads" ADD CONSTRAINT "exchange_reads_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_reads" ADD CONSTRAINT "exchange_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_meetings" ADD CONSTRAINT "expert_meetings_organiser_party_parties_id_fk" FOREIGN KEY ("organiser_party") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_expert_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."expert_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_party_parties_id_fk" FOREIGN KEY ("party") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerability_notices_tracking" ON "vulnerability_notices" USING btree ("tracking_id");--> statement-breakpoint
CREATE INDEX "vulnerability_notices_created" ON "vulnerability_notices" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "contact_point_changes_contact" ON "contact_point_changes" USING btree ("contact_id","at");--> statement-breakpoint
CREATE INDEX "contact_points_party" ON "contact_points" USING btree ("party_id","level");--> statement-breakpoint
CREATE INDEX "contact_points_confirmed" ON "contact_points" USING btree ("confirmed_at");--> statement-breakpoint
CREATE INDEX "glossary_comments_term" ON "glossary_comments" USING btree ("term_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_terms_term" ON "glossary_terms" USING btree ("term");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_versions_number" ON "glossary_versions" USING btree ("term_id","number");--> statement-breakpoint
CREATE INDEX "exchange_questions_exchange" ON "exchange_questions" USING btree ("exchange_id","asked_at");--> statement-breakpoint
CREATE INDEX "exchanges_created" ON "exchanges" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "exchanges_party_year" ON "exchanges" USING btree ("party_id","kind","year");--> statement-breakpoint
CREATE INDEX "expert_meetings_starts" ON "expert_meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting" ON "meeting_actions" USING btree ("meeting_id");