"""The mentors of this year's class (mentorship/demo/class_year.py), in their own
words, and who asked whom and why, with the shape of each pairing's year. Names
are made up; any likeness is chance."""

from dataclasses import dataclass

# Seven faculty mentors, approved in the residency.
FACULTY = {
    "faculty.marsh@example.com": {
        "name": "Dr Helen Marsh",
        "title": "Professor",
        "division": "Obstetric Anesthesia",
        "capacity": 3,
        "interests": ["Obstetric anesthesia", "Women in medicine", "Parenting", "Leadership"],
        "how_i_help": "I help you plan a career and a life at the same time, out loud, "
        "without pretending one can wait for the other.",
        "wish_told": "That you can ask for what you need and still be a good colleague.",
        "ask_me_about": "Labour and delivery at 3 a.m., leading a division, and raising "
        "three children on a call schedule.",
        "learning_now": "Watercolours, and how to chair a meeting that ends on time.",
    },
    "faculty.ortega@example.com": {
        "name": "Dr Rafael Ortega",
        "title": "Associate Professor",
        "division": "Neuroanesthesia",
        "capacity": 2,
        "interests": [
            "Neuroanesthesia",
            "Clinical research",
            "Academic careers",
            "First-generation in medicine",
        ],
        "how_i_help": "I help you find a question you care about and a plan small enough "
        "to finish. I read drafts within the week.",
        "wish_told": "That a small finished study teaches more than a brilliant unfinished one.",
        "ask_me_about": "Neuromonitoring, writing a first grant, and being the first in my "
        "family to go to college.",
        "learning_now": "Machine learning, slowly, with a patient colleague.",
    },
    "faculty.desai@example.com": {
        "name": "Dr Anjali Desai",
        "title": "Assistant Professor",
        "division": "Perioperative Medicine",
        "capacity": 3,
        "interests": [
            "Perioperative medicine",
            "Quality and safety",
            "Academic careers",
            "Mindfulness",
        ],
        "how_i_help": "Quality projects, from the first complaint to the first change on "
        "the unit, and a walk around the block after a long day.",
        "wish_told": "That the system is often the problem, and you are allowed to fix it.",
        "ask_me_about": "Handoffs, running a project with no budget, and meditation for beginners.",
        "learning_now": "How to ask better questions in the pre-op clinic.",
    },
    "faculty.adeyemi@example.com": {
        "name": "Dr Samuel Adeyemi",
        "title": "Clinical Associate Professor",
        "division": "Thoracic Anesthesia",
        "capacity": 2,
        "interests": [
            "Thoracic anesthesia",
            "Cardiac anesthesia",
            "Underrepresented in medicine",
            "Diversity, equity and inclusion",
        ],
        "how_i_help": "I listen, then I introduce you to the people you should know. Most "
        "doors open with one good e-mail.",
        "wish_told": "That belonging is built, not found, by the people who make room for you.",
        "ask_me_about": "One-lung ventilation, the unwritten rules of academic medicine, "
        "and where to find good jollof rice nearby.",
        "learning_now": "Golf, without much success.",
    },
    "faculty.halvorsen@example.com": {
        "name": "Dr Ingrid Halvorsen",
        "title": "Associate Professor",
        "division": "Pain Medicine",
        "capacity": 2,
        "interests": [
            "Chronic pain",
            "Burnout and recovery",
            "Mindfulness",
            "Fitness and outdoors",
        ],
        "how_i_help": "I help you look after yourself while you learn to look after others. "
        "We can talk on a walk.",
        "wish_told": "That rest is part of the work, not a reward for finishing it.",
        "ask_me_about": "Pain fellowships, getting back on your feet after a hard case, "
        "and cross-country skiing.",
        "learning_now": "Norwegian songs for my grandchildren.",
    },
    "faculty.nguyen@example.com": {
        "name": "Dr Victor Nguyen",
        "title": "Assistant Professor",
        "division": "Ambulatory Anesthesia",
        "capacity": 2,
        "interests": [
            "Ambulatory anesthesia",
            "Private practice",
            "Job search and negotiation",
            "Finances",
        ],
        "how_i_help": "I spent six years in private practice before coming back. I help you "
        "compare jobs honestly and read a contract calmly.",
        "wish_told": "That the first job is not forever, and a good contract protects your time.",
        "ask_me_about": "Contracts, partnership tracks, and what to ask at a second interview.",
        "learning_now": "Teaching, which is harder than it looks.",
    },
    "faculty.donnelly@example.com": {
        "name": "Dr Claire Donnelly",
        "title": "Instructor",
        "division": "Multispecialty Anesthesia",
        "capacity": 3,
        "interests": [
            "Medical education",
            "Simulation",
            "Teaching residents and students",
            "Airway management",
        ],
        "how_i_help": "I help you become someone people learn from: we plan a teaching "
        "session together, then talk about how it went.",
        "wish_told": "That teaching is the fastest way to learn, and nobody minds if you "
        "are nervous.",
        "ask_me_about": "Running a simulation, difficult airways, and feedback that lands.",
        "learning_now": "Improv classes, for better debriefs.",
    },
}

# Three CA-3s of the class who mentor too: near-peers for those earlier in training.
NEAR_PEERS = {
    "resident.lucia@example.com": {
        "title": "CA-3 resident",
        "division": "Ambulatory Anesthesia",
        "capacity": 2,
        "interests": ["Airway management", "Teaching residents and students", "Wellness"],
        "how_i_help": "I remember the first months well. I help with the OR's unwritten "
        "rules, call nights, and the questions you'd rather not ask an attending.",
        "wish_told": "That nobody expects you to know everything in July; they expect you to ask.",
        "ask_me_about": "Setting up a room fast, the first week of night float, and the "
        "best tacos near the hospital.",
        "learning_now": "How to teach without taking over.",
    },
    "resident.ethan@example.com": {
        "title": "CA-3 resident",
        "division": "Pain Medicine",
        "capacity": 2,
        "interests": ["Regional anesthesia and acute pain", "Medical education", "Wellness"],
        "how_i_help": "I'm two years ahead of you and I still remember the panic. I help "
        "with study plans, call, and finding your feet in the program.",
        "wish_told": "That being tired is not the same as being bad at this.",
        "ask_me_about": "Studying for the BASIC exam, coming out at work, and one meal "
        "that lasts a week.",
        "learning_now": "How to give feedback people can use the next day.",
    },
    "resident.thandiwe@example.com": {
        "title": "CA-3 resident",
        "division": "Pediatric Anesthesia",
        "capacity": 2,
        "interests": [
            "Pediatric anesthesia",
            "International medical graduates",
            "Teaching residents and students",
        ],
        "how_i_help": "I came from abroad and had to learn everything twice. I help you "
        "find your people, your rhythm, and the supply room.",
        "wish_told": "That asking early is a kindness to your team, not a burden.",
        "ask_me_about": "Small airways, settling into a new country, and the Saturday market.",
        "learning_now": "Leading a morning conference that people want to attend.",
    },
}


@dataclass(frozen=True)
class Shape:
    """How one pairing's year went. `started`: where in the year's window (0 early
    July, 1 three weeks ago) it began; `asked`: days from the request to the start;
    `every`: days between meetings; `first`: days from the start to the first one;
    `quiet`: days since they last met, for a pairing that has gone quiet; without
    `met`, they haven't met yet (their first meeting is planned)."""

    started: float
    asked: int
    every: int = 28
    first: int = 7
    quiet: int | None = None
    met: bool = True


# Who asked whom, what drew them, and how the year has gone: 18 of the 24 residents,
# 4 interns, 5 CA-1s, 5 CA-2s, 4 CA-3s.
PAIRS = [
    # Near-peers: the CA-3s mentor interns, CA-1s and a CA-2.
    (
        "resident.tomas@example.com",
        "resident.lucia@example.com",
        "You said you remember the first months well, and I am in them.",
        Shape(0.05, 6, every=28, first=5),
    ),
    (
        "resident.ifeoma@example.com",
        "resident.lucia@example.com",
        "Last year's interns say you answer questions before they are asked.",
        Shape(0.45, 12, every=35, first=9),
    ),
    (
        "resident.kai@example.com",
        "resident.ethan@example.com",
        "Your list of what you wish you'd known as an intern; I've read it twice.",
        Shape(0.25, 3, every=21, first=4),
    ),
    (
        "resident.owen@example.com",
        "resident.ethan@example.com",
        "You taught me my first block, and made it feel possible.",
        Shape(0.97, 9, met=False),
    ),
    (
        "resident.layla@example.com",
        "resident.thandiwe@example.com",
        "You came here from abroad too, and you seem to know where everything is.",
        Shape(0.15, 18, every=30, first=7),
    ),
    (
        "resident.priscilla@example.com",
        "resident.thandiwe@example.com",
        "Your work in Durban is the kind of thing I hope to do.",
        Shape(0.6, 5, every=24, first=6),
    ),
    # Faculty.
    (
        "resident.mei@example.com",
        "faculty.desai@example.com",
        "You asked what I thought in pre-op clinic, not only what I knew.",
        Shape(1.0, 21, met=False),
    ),
    (
        "resident.adaeze@example.com",
        "faculty.adeyemi@example.com",
        "Your talk on the unwritten rules of academic medicine; I took notes.",
        Shape(0.1, 4, every=35, first=10),
    ),
    (
        "resident.mateo@example.com",
        "faculty.donnelly@example.com",
        "You ran my first simulation, and the debrief was the best hour of my week.",
        Shape(0.35, 14, every=28, first=12),
    ),
    (
        "resident.yuna@example.com",
        "faculty.marsh@example.com",
        "You've built a career in obstetric anesthesia and a family; I'd like to learn how.",
        Shape(0.0, 10, every=30, first=8, quiet=64),
    ),
    (
        "resident.arjun@example.com",
        "faculty.ortega@example.com",
        "Your paper on neuromonitoring is why I'm curious about research.",
        Shape(0.2, 7, every=42, first=14),
    ),
    (
        "resident.camille@example.com",
        "faculty.desai@example.com",
        "Your handoff project changed how our unit signs out; I'd love to learn how.",
        Shape(0.5, 16, every=26, first=5),
    ),
    (
        "resident.nikolai@example.com",
        "faculty.halvorsen@example.com",
        "A co-resident said you are the person to talk to after a hard case.",
        Shape(0.05, 20, every=35, first=11, quiet=73),
    ),
    (
        "resident.fatima@example.com",
        "faculty.marsh@example.com",
        "What you wrote about asking for what you need is exactly my question.",
        Shape(0.7, 8, every=21, first=6),
    ),
    (
        "resident.lucia@example.com",
        "faculty.nguyen@example.com",
        "You worked in private practice before coming back: you can tell me both sides.",
        Shape(0.3, 11, every=33, first=9),
    ),
    (
        "resident.ethan@example.com",
        "faculty.halvorsen@example.com",
        "You talk about rest as part of the work, and I need to hear that this year.",
        Shape(0.8, 3, every=28, first=4),
    ),
    (
        "resident.sungmin@example.com",
        "faculty.ortega@example.com",
        "You helped a friend finish a paper after years; mine is three years old.",
        Shape(0.0, 15, every=40, first=13, quiet=88),
    ),
    (
        "resident.rebecca@example.com",
        "faculty.marsh@example.com",
        "You negotiated part-time work as a new attending, and you talk about it openly.",
        Shape(0.4, 5, every=36, first=7),
    ),
]

# Two of the six without a mentor have asked and are waiting (days ago, and the
# mentor's question if they asked one); the others haven't asked yet.
WAITING = [
    (
        "resident.rahul@example.com",
        "faculty.donnelly@example.com",
        "A co-intern said you make every question feel like a good one.",
        5,
        "",
    ),
    (
        "resident.jamal@example.com",
        "faculty.adeyemi@example.com",
        "You've talked about choosing critical care or not, and I'm at that fork.",
        9,
        "How often could you meet, with your rotations this year?",
    ),
]
