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
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_contact_id_contact_points_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_point_changes" ADD CONSTRAINT "contact_point_changes_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_points" ADD CONSTRAINT "contact_points_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_point_changes_contact" ON "contact_point_changes" USING btree ("contact_id","at");--> statement-breakpoint
CREATE INDEX "contact_points_party" ON "contact_points" USING btree ("party_id","level");--> statement-breakpoint
CREATE INDEX "contact_points_confirmed" ON "contact_points" USING btree ("confirmed_at");