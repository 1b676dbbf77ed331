// THE definition of team.yaml: the team, its lead (the sender of the roll-up) and its members,
// each with where their reports are: a folder of YYYY-MM-DD.yaml files, or an mbox of the list
// read through the importer. `weekly schema team` prints its JSON Schema.
import * as z from "zod/mini";
import { Address, AddressList, described, optional, withDefault } from "../core/schemas.js";

const nonEmpty = (least = 1) => z.string().check(z.minLength(least));

export const Member = z.strictObject({
  name: described(nonEmpty(), "As the roll-up names them"),
  email: optional(nonEmpty(3), "Their address: picks their mails out of an mbox"),
  reports: optional(z.string(), "A folder of their YYYY-MM-DD.yaml files, relative to team.yaml"),
  mbox: optional(z.string(), "An mbox (of the team list) holding their weekly mails, relative to team.yaml"),
});
export type Member = z.output<typeof Member>;

export const Team = z
  .strictObject({
    team: described(nonEmpty(), "The team's name, e.g. Kernel Working Group"),
    from: optional(Address, "The lead, sender of the team report"),
    to: z.optional(AddressList),
    cc: z.optional(AddressList),
    subject: withDefault(
      z.string(),
      "[Weekly] {team}, week ending {week_ending}",
      "{team} and {week_ending} are replaced (over a period: the period's last week)",
    ),
    members: z.array(Member).check(z.minLength(1)),
    no_progress_weeks: withDefault(
      z.int().check(z.minimum(1)),
      3,
      "A ticket needs a look after this many weeks in a row of no progress",
    ),
    fold: withDefault(
      z.enum(["latest-first", "per-week"]),
      "latest-first",
      "Over a period: each ticket's weeks newest first, or in the order of the weeks",
    ),
    template: optional(z.string(), "Your own Handlebars template for the text roll-up, relative to this file"),
  })
  .check(
    z.superRefine((t, ctx) => {
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
    }),
  );
export type Team = z.output<typeof Team>;
