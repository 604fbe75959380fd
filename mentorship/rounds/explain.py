"""Why each mentee of a run got the mentor they got, in sentences a director can
read out: "Matched to your 2nd choice, Dr B. Your 1st, Dr A, was full with
mentees Dr A ranked higher (Sam Lee, Ana Ruiz)."

Everything here reads what a run kept (its input, its result, its explanations)
and a map of names read once for the whole round (`Names`): nothing queries per
mentee. `Story` gathers what the sentences need for one run; the review table,
the mentee's page, the CSV and the report all ask it.
"""

from dataclasses import dataclass, field

from . import engine
from .models import Override, Run
from .services.runs import RULES, Inputs
from .templatetags.rounds import ordinal, ordinal_choice

# A role term's short name, as residents and directors say it.
ROLE_SHORT = {
    "program_director": "PD",
    "associate_program_director": "APD",
    "ccc_member": "CCC",
    "ccc_chair": "CCC chair",
}
# What each rule left out, in the short words of a table cell.
RULE_SHORT = {
    "conflict": "evaluates residents",
    "past": "paired before",
    "marked": "marked by the mentor",
    "excluded": "left out by a director",
    "self": "the same person",
}


@dataclass
class Names:
    """Everyone of a round by id, read in one query (review.names_in)."""

    mentees: dict[int, str] = field(default_factory=dict)
    mentors: dict[int, str] = field(default_factory=dict)
    # user ids, for the rules that compare people (nobody mentors themselves)
    mentee_users: dict[int, int] = field(default_factory=dict)
    mentor_users: dict[int, int] = field(default_factory=dict)

    def mentee(self, pk) -> str:
        return self.mentees.get(int(pk), "someone no longer in the round")

    def mentor(self, pk) -> str:
        return self.mentors.get(int(pk), "a mentor no longer in the round")


def blocking_in_words(pairs, names: Names) -> list[str]:
    """[[mentee, mentor]] → ["Sam Lee and Dr A would both prefer each other"]."""
    return [
        f"{names.mentee(mentee)} and {names.mentor(mentor)} would both prefer each other"
        for mentee, mentor in pairs
    ]


class Story:
    """One run, after its overrides, ready to be told mentee by mentee.

    `overrides` are the run's overrides in order (read once by the page);
    `roles` maps a mentor to the short names of the evaluative roles they hold
    now ({mentor: ["CCC"]}), `exclusions` a pair to its reason, `lottery` the
    mentors who left their order to the round's lottery: each optional, for
    the pages that show one mentee in full."""

    def __init__(
        self,
        run: Run,
        names: Names,
        *,
        overrides: list[Override] = (),
        roles: dict[int, list[str]] | None = None,
        exclusions: dict[tuple[int, int], str] | None = None,
        lottery: set[int] | None = None,
    ):
        self.run = run
        self.names = names
        self.inputs = Inputs.from_json(run.input)
        self.overrides = list(overrides)
        self.roles = roles or {}
        self.exclusions = exclusions or {}
        self.lottery = lottery or set()
        self.matched = run.matched(self.overrides)
        self.moved: dict[int, Override] = {o.mentee_id: o for o in self.overrides}
        self.rule = self.inputs.removed_rule()
        if self.overrides:
            # A move changes who holds whom: tell it as it stands now.
            self.reasons = {
                mentee: [
                    {
                        "mentor": r.mentor,
                        "why": self.rule.get((mentee, r.mentor), r.why)
                        if r.why == "not_acceptable"
                        else r.why,
                        "held_by": list(r.held_by),
                    }
                    for r in items
                ]
                for mentee, items in engine.explain(
                    self.matched,
                    self.inputs.mentee_prefs,
                    self.inputs.mentor_prefs,
                    self.inputs.capacities,
                ).items()
            }
        else:
            self.reasons = {int(k): v for k, v in run.explanations.items()}

    # --- facts ---------------------------------------------------------------

    def rank(self, mentee: int) -> int | None:
        """Which choice the mentee's mentor was (None: unmatched, or not on the list)."""
        mentor = self.matched.get(mentee)
        prefs = self.inputs.mentee_prefs.get(mentee, [])
        return prefs.index(mentor) + 1 if mentor in prefs else None

    def mentor_rank(self, mentee: int) -> int | None:
        """Where the mentee's mentor put them (their ranking, then the lottery)."""
        mentor = self.matched.get(mentee)
        order = self.inputs.mentor_prefs.get(mentor, [])
        return order.index(mentee) + 1 if mentee in order else None

    def load(self) -> dict[int, int]:
        held: dict[int, int] = {}
        for mentor in self.matched.values():
            held[mentor] = held.get(mentor, 0) + 1
        return held

    def blocking(self) -> list[tuple[int, int]]:
        return engine.blocking_pairs(
            self.matched,
            self.inputs.mentee_prefs,
            self.inputs.mentor_prefs,
            self.inputs.capacities,
        )

    # --- sentences -----------------------------------------------------------

    def headline(self, mentee: int) -> str:
        """The first sentence: matched to which choice, or no match and why."""
        mentor = self.matched.get(mentee)
        prefs = self.inputs.mentee_prefs.get(mentee, [])
        if mentor is not None:
            rank = self.rank(mentee)
            if rank:
                return f"Matched to your {ordinal_choice(rank)}, {self.names.mentor(mentor)}."
            return f"Matched to {self.names.mentor(mentor)}, who wasn't on your list: a director's move."
        if not prefs:
            return "No match: you sent no list, so the round had nobody to ask for you."
        n = len(prefs)
        mentors = f"the {n} mentors" if n > 1 else "the mentor"
        return f"No match: none of {mentors} on your list could take you."

    def clause(self, mentee: int, reason: dict) -> str:
        """Why one mentor higher on the list didn't take them, after "Your 1st, Dr A, "."""
        mentor, why = reason["mentor"], reason["why"]
        name = self.names.mentor(mentor)
        if why == "full":
            held = [self.names.mentee(m) for m in reason["held_by"]]
            by = "the round's lottery placed" if mentor in self.lottery else f"{name} ranked"
            whom = "mentees" if len(held) != 1 else "a mentee"
            return f"was full with {whom} {by} higher ({', '.join(held)})"
        if why == "no_places":
            return "had no places this round"
        if why == "would_take":
            return (
                f"had room for you after a director's move: you and {name} would both "
                "prefer each other"
            )
        if why in RULES:
            return "was left out before the run: " + self.rule_sentence(mentee, mentor, why)
        return f"didn't take you ({why})"

    def rule_sentence(self, mentee: int, mentor: int, rule: str) -> str:
        name = self.names.mentor(mentor)
        if rule == "conflict":
            roles = ", ".join(self.roles.get(mentor, [])) or "PD, APD or CCC"
            return f"{name} evaluates residents of this program ({roles})"
        if rule == "past":
            return f"you and {name} were paired before"
        if rule == "marked":
            return f"{name} marked you as someone they shouldn't mentor"
        if rule == "excluded":
            return f"a director left you and {name} out"
        if rule == "self":
            return f"{name} is you: nobody is matched with themselves"
        return RULES.get(rule, rule)

    def sentences(self, mentee: int) -> list[str]:
        """The whole explanation: the headline, one sentence per mentor listed
        higher (every one when unmatched), and the director's move if any."""
        told = [self.headline(mentee)]
        prefs = self.inputs.mentee_prefs.get(mentee, [])
        for reason in self.reasons.get(mentee, []):
            mentor = reason["mentor"]
            rank = prefs.index(mentor) + 1 if mentor in prefs else None
            which = f"Your {ordinal(rank)}" if rank else "A mentor on your list"
            told.append(f"{which}, {self.names.mentor(mentor)}, {self.clause(mentee, reason)}.")
        if (override := self.moved.get(mentee)) is not None:
            told.append(self.move_sentence(override))
        return told

    def move_sentence(self, override: Override) -> str:
        names = self.names
        before = names.mentor(override.from_mentor_id) if override.from_mentor_id else "no match"
        after = names.mentor(override.to_mentor_id) if override.to_mentor_id else "no match"
        return (
            f"A director moved you from {before} to {after} on "
            f"{override.created_at:%-d %B}: “{override.reason}”"
        )

    def short(self, mentee: int, most: int = 2) -> str:
        """The why in a table cell: "Dr A was full; Dr C left out (evaluates residents)"."""
        if (override := self.moved.get(mentee)) is not None:
            return f"Moved by a director: {override.reason}"
        rank = self.rank(mentee)
        if rank == 1:
            return "First choice."
        if not self.inputs.mentee_prefs.get(mentee):
            return "No list sent."
        parts = []
        reasons = self.reasons.get(mentee, [])
        for reason in reasons[:most]:
            name, why = self.names.mentor(reason["mentor"]), reason["why"]
            parts.append(
                {
                    "full": f"{name} was full",
                    "no_places": f"{name} had no places",
                    "would_take": f"{name} had room after a move",
                }.get(why)
                or f"{name} left out ({RULE_SHORT.get(why, why)})"
            )
        if len(reasons) > most:
            parts.append(f"{len(reasons) - most} more")
        return "; ".join(parts) + "." if parts else ""
