// THE definition of team.yaml: the team, its lead (the sender of the roll-up) and its members,
// each with where their reports are: a folder of YYYY-MM-DD.yaml files, or an mbox of the list
// read through the importer. `weekly schema team` prints its JSON Schema.
import * as z from "zod";
import { Address, AddressList } from "../core/schemas.js";

export const Member = z.strictObject({
  name: z.string().min(1).describe("As the roll-up names them"),
  email: z.string().min(3).optional().describe("Their address: picks their mails out of an mbox"),
  reports: z.string().optional().describe("A folder of their YYYY-MM-DD.yaml files, relative to team.yaml"),
  mbox: z.string().optional().describe("An mbox (of the team list) holding their weekly mails, relative to team.yaml"),
});
export type Member = z.output<typeof Member>;

export const Team = z
  .strictObject({
    team: z.string().min(1).describe("The team's name, e.g. Kernel Working Group"),
    from: Address.optional().describe("The lead, sender of the team report"),
    to: AddressList.optional(),
    cc: AddressList.optional(),
    subject: z
      .string()
      .default("[Weekly] {team}, week ending {week_ending}")
      .describe("{team} and {week_ending} are replaced (over a period: the period's last week)"),
    members: z.array(Member).min(1),
    no_progress_weeks: z
      .number()
      .int()
      .min(1)
      .default(3)
      .describe("A ticket needs a look after this many weeks in a row of no progress"),
    fold: z
      .enum(["latest-first", "per-week"])
      .default("latest-first")
      .describe("Over a period: each ticket's weeks newest first, or in the order of the weeks"),
    template: z
      .string()
      .optional()
      .describe("Your own Handlebars template for the text roll-up, relative to this file"),
  })
  .superRefine((t, ctx) => {
    t.members.forEach((m, i) => {
      if (!m.reports && !m.mbox) {
        ctx.addIssue({
          code: "custom",
          path: ["members", i],
          message: `${m.name}: say where the reports are (reports: or mbox:)`,
        });
      }
      if (m.mbox && !m.email) {
        ctx.addIssue({
          code: "custom",
          path: ["members", i, "email"],
          message: `${m.name}: an mbox member needs an email`,
        });
      }
    });
  });
export type Team = z.output<typeof Team>;

export function teamJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(Team, { io: "input" }), title: "weekly-report: team.yaml" };
}
