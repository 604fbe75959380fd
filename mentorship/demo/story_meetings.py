"""The demo meetings' words: note answers, commitments and places, and the core
people's meetings word for word."""

# The answers to each side's prompts (mentorship/meetings/models.py PROMPTS), in
# the essay's voice. Feelings, plans and people; never a patient's details.

NOTE_ANSWERS = {
    "learned_about_them": [
        "They light up when they talk about teaching; the juniors already go to them first.",
        "They have been carrying the whole team's worries on nights and telling no one.",
        "They are more curious about physiology than about any fellowship title.",
        "They prepare hard for every meeting; I should tell them how much that shows.",
        "They grew up translating for their family, and it shaped how they listen.",
        "They are braver about asking for help than they think; they did it today.",
    ],
    "curious_or_carrying": [
        "Curious about ultrasound-guided blocks; carrying a tough month of call.",
        "Carrying doubt after a hard case; I suggested we talk it through next time.",
        "Curious about quality improvement, and how a small project can change a unit.",
        "Carrying a long commute and a new baby at home; sleep is the real problem.",
        "Curious about how attendings decide, not just what they decide.",
        "Carrying the feeling of being behind the co-residents; they are not.",
    ],
    "be_of_service": [
        "Introduce them to the outcomes group, and send the paper we talked about.",
        "Check in after their first week in the ICU with a two-line message.",
        "Read the draft of their personal statement by the end of the month.",
        "Find them a half-day in the simulation center to practise the crisis drill.",
        "Ask a colleague in the cardiac group to let them shadow a morning.",
        "Share my old notes on negotiating a first contract.",
    ],
    "taking_away": [
        "Asking for help is a gift to the person I ask, not a debt.",
        "One small step this week beats a perfect plan for the year.",
        "A question I can answer with a small study is better than a big one I can't.",
        "Everyone has a month like mine; the ones who do well talk about it.",
        "Write down what surprised me after every case, even a line.",
        "Curiosity is a habit I can keep, even on nights.",
    ],
    "try_before_next": [
        "E-mail the fellowship director with one honest question.",
        "Read the two papers and bring one question about each.",
        "Sleep before studying after a night, not the other way round.",
        "Ask my co-resident to practise the airway drill with me.",
        "Draft the first paragraph of my statement, badly, and send it anyway.",
        "Say yes to teaching the interns on Thursday.",
    ],
    "help_someone": [
        "The new intern on my team, who looked lost at sign-out.",
        "My co-resident who is studying for the boards alone.",
        "A student who asked me about anesthesia and whom I never answered.",
        "The nurse who stayed late with me last week; I owe them a thank-you.",
        "Jordan, who is starting nights next week.",
        "My old lab partner, who is choosing a specialty.",
    ],
}
MENTOR_COMMITMENTS = [
    "Send the paper on regional blocks we talked about",
    "Introduce them to someone in the outcomes group",
    "Read the draft personal statement",
    "Check in after the first week of ICU",
    "Ask the cardiac group about a morning of shadowing",
    "Share my notes on choosing a fellowship",
]
MENTEE_COMMITMENTS = [
    "Write down one case a week that surprised me",
    "E-mail the fellowship director with my question",
    "Draft the first paragraph of my statement",
    "Read the two papers and bring a question about each",
    "Teach the interns one thing on Thursday",
    "Book a morning in the simulation center",
]
MEETING_PLACES = {
    "in_person": ["Café on the second floor", "My office, room 3.410", "Resident lounge"],
    "video": ["https://meet.example.org/mentorship-coffee", "https://meet.example.org/check-in"],
    "phone": ["I'll call your mobile"],
    "walk": ["Meet at the main entrance for a walk", "Coffee cart by the garden"],
}

# The core people's meetings: (days ago, format, minutes), the notes each wrote
# (meeting, side, prompt, answer, shared) and the commitments (meeting, owner,
# what, due in days from today, done). Sam and Dana last met 47 days ago, past
# the program's target of 42, so the quiet filter and the dashboards show it.
CORE_MEETINGS = {
    ("mentee@example.com", "mentor@example.com"): {
        "held": [(58, "in_person", 45), (47, "walk", 30)],
        "notes": [
            (
                0,
                "mentor",
                "learned_about_them",
                "Sam remembers every child's name on the "
                "list; that kind of attention is rare, and worth saying out loud.",
                True,
            ),
            (
                0,
                "mentor",
                "curious_or_carrying",
                "Carrying the first month of nights more "
                "heavily than Sam lets on. Ask about sleep next time.",
                False,
            ),
            (
                0,
                "mentee",
                "taking_away",
                "Steady is something you practise, not something you are born with.",
                True,
            ),
            (
                0,
                "mentee",
                "try_before_next",
                "Shadow Dana on a pediatric list, and watch "
                "what she does with her voice at induction.",
                False,
            ),
            (
                1,
                "mentor",
                "be_of_service",
                "Introduce Sam to Luis about the ultrasound idea; Sam won't ask for it.",
                False,
            ),
            (
                1,
                "mentor",
                "learned_about_them",
                "Sam wants to build something small and useful, not just to choose a fellowship.",
                True,
            ),
            (
                1,
                "mentee",
                "taking_away",
                "I can ask for an introduction; it is a gift to both people, not a favour I owe.",
                True,
            ),
            (
                1,
                "mentee",
                "help_someone",
                "Ana, who starts nights next week and is nervous about it.",
                False,
            ),
        ],
        "commitments": [
            (0, "mentee", "Read the chapter on the pediatric airway before the list", -50, True),
            (1, "mentor", "Introduce Sam to Dr Herrera about the ultrasound idea", -33, False),
            (1, "mentee", "Write down one case a week that surprised me", 7, False),
        ],
    },
    ("both@example.com", "mentor3@example.com"): {
        "held": [(110, "video", 30), (88, "in_person", 60), (63, "phone", 20)],
        "notes": [
            (
                0,
                "mentor",
                "curious_or_carrying",
                "Noor is carrying the choice between "
                "academic and private practice, and a little guilt about wanting both.",
                False,
            ),
            (
                0,
                "mentee",
                "taking_away",
                "Both paths are honourable; what matters is what I want my Tuesdays to look like.",
                True,
            ),
            (
                1,
                "mentor",
                "be_of_service",
                "Read the offer line by line with Noor, and "
                "find two graduates who chose differently.",
                True,
            ),
            (
                1,
                "mentee",
                "try_before_next",
                "Ask two graduates what they wish they had negotiated.",
                False,
            ),
            (
                2,
                "mentee",
                "taking_away",
                "Patience with myself is part of the plan, not a delay to it.",
                True,
            ),
        ],
        "commitments": [
            (0, "mentee", "Send Priya the offer when it arrives", -95, True),
            (1, "mentee", "Ask two graduates what they wish they had negotiated", -40, False),
        ],
    },
}
