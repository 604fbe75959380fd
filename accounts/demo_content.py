"""The demo program's people, profiles and phrase lists, for `seed_demo`."""

from mentorship.mentees.models import MenteeProfile

CORE_PEOPLE = [
    ("director@example.com", "Dr Maya Okafor", False, False),
    ("mentor@example.com", "Dr Dana Chen", False, True),
    ("mentor2@example.com", "Dr Luis Herrera", False, True),
    ("mentor3@example.com", "Dr Priya Raman", False, True),
    ("mentee@example.com", "Sam Whitfield", True, False),
    ("mentee2@example.com", "Ana Kowalski", True, False),
    ("mentee3@example.com", "Jordan Lee", True, False),
    ("both@example.com", "Dr Noor Haddad", True, True),
]

FIRST_NAMES = [
    "Alex",
    "Bianca",
    "Carlos",
    "Deepa",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Imani",
    "Jonas",
    "Keiko",
    "Liam",
    "Mariam",
    "Nikhil",
    "Olivia",
    "Pedro",
    "Quinn",
    "Rosa",
    "Sanjay",
    "Tessa",
    "Umar",
    "Valeria",
    "Wei",
    "Ximena",
    "Yusuf",
    "Zoe",
]
LAST_NAMES = [
    "Abbott",
    "Banerjee",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fujita",
    "Gonzalez",
    "Hughes",
    "Iyer",
    "Jensen",
    "Kim",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Quintero",
    "Rossi",
    "Sato",
    "Tran",
    "Umeh",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zhou",
]

RESIDENCY = {
    "slug": "stanford-anesthesiology",
    "name": "Stanford Anesthesiology Residency",
    "description": "Residents and faculty who would rather go far together than fast "
    "alone. Find someone who listens, ask for help, and pass it on.",
}
FELLOWSHIP = {
    "slug": "peds-fellowship",
    "name": "Pediatric Anesthesia Fellowship",
    "description": "A small fellowship where every fellow knows the whole faculty by name.",
}
# The fellowship's only demo member, so that visibility across programs shows.
FELLOWSHIP_MENTOR = "mentor@example.com"

CORE_MENTORS = {
    "mentor@example.com": {
        "title": "Associate Professor",
        "division": "Pediatric Anesthesia",
        "capacity": 3,
        "meets_by_phone": True,
        "interests": [
            "Pediatric anesthesia",
            "Airway management",
            "Medical education",
            "Parenting",
            "Wellness",
        ],
        "how_i_help": "I like to help by listening first. Bring the thing that kept you up "
        "after call, and we will find the one next step worth taking together.",
        "wish_told": "That asking for help is not a weakness but a gift: it lets someone "
        "else be generous, and most people are waiting for the chance.",
        "ask_me_about": "Calming a frightened child at induction, raising two kids on a call "
        "schedule, and how to give a talk without reading your slides.",
        "learning_now": "Pottery, badly and happily, and how to teach airway skills with "
        "simulation instead of stories.",
    },
    "mentor2@example.com": {
        "title": "Assistant Professor",
        "division": "Cardiac Anesthesia",
        "capacity": 2,
        "interests": [
            "Cardiac anesthesia",
            "Point-of-care ultrasound",
            "Clinical research",
            "First-generation in medicine",
            "Fitness and outdoors",
        ],
        "how_i_help": "I help you turn a half-formed research idea into a question you can "
        "answer, and I will introduce you to the people who can help you answer it.",
        "wish_told": "Character grows from commitments. Pick a few, keep them well, and "
        "say no to the rest without guilt.",
        "ask_me_about": "Being the first in my family in medicine, TEE, and the best "
        "trail runs within an hour of the hospital.",
        "learning_now": "Statistics I skipped in medical school, and Spanish for my "
        "patients' families.",
    },
    "mentor3@example.com": {
        "title": "Professor",
        "division": "Critical Care Medicine",
        "capacity": 4,
        "meets_in_person": True,
        "meets_by_video": False,
        "is_ccc_member": True,
        "interests": [
            "Critical care",
            "Quality and safety",
            "Leadership",
            "Women in medicine",
            "Academic careers",
            "Mindfulness",
        ],
        "how_i_help": "Career maps, honest feedback on a CV, and a walk around the block "
        "after a hard night in the ICU. I sit on the Clinical Competency Committee, "
        "so choose me knowing that.",
        "wish_told": "Patience with yourself. Competence comes slowly and then all at "
        "once, and the slow part is not a sign that you don't belong.",
        "ask_me_about": "Leading a unit through a crisis, negotiating a first job, and "
        "finding a meditation practice that survives nights.",
        "learning_now": "How to listen better in family meetings, and to be curious "
        "before I am certain.",
    },
    "both@example.com": {
        "title": "CA-3 resident and chief resident",
        "division": "Regional Anesthesia and Acute Pain",
        "capacity": 2,
        "interests": [
            "Regional anesthesia and acute pain",
            "Teaching residents and students",
            "Fellowship applications",
            "International medical graduates",
        ],
        "how_i_help": "I remember my intern year well. I can help with the first weeks "
        "in the OR, call survival, and finding your people in the program.",
        "wish_told": "That everyone else was also pretending to know where the supply "
        "room was. Ask early; the nurses are your best teachers.",
        "ask_me_about": "Nerve blocks, coming to residency from abroad, and where to "
        "find good coffee at 5 a.m.",
        "learning_now": "How to run a morning conference that people want to attend.",
    },
}

CORE_MENTEES = {
    "mentee@example.com": {
        "training_level": MenteeProfile.TrainingLevel.INTERN,
        "interests": ["Pediatric anesthesia", "Wellness", "First-generation in medicine"],
        "curious_about": "Whether pediatric anesthesia is for me, and how people stay "
        "calm when the airway is small and the parents are watching.",
        "meaningful_year": "Finishing the year still curious, with a few friends I can "
        "call after a hard shift.",
        "mentor_help": "Someone to talk to who has walked this road, and who will tell me "
        "honestly what I am not seeing yet.",
        "can_offer": "I tutored for years before medical school, and I bake for every "
        "call room I pass through.",
    },
    "mentee2@example.com": {
        "training_level": MenteeProfile.TrainingLevel.CA1,
        "interests": ["Cardiac anesthesia", "Clinical research", "Women in medicine"],
        "curious_about": "Cardiac physiology, and how to get started in research "
        "without losing my weekends.",
        "meaningful_year": "One project finished, start to end, and learning to ask "
        "for help before I am drowning.",
        "mentor_help": "Turning a vague interest in research into a first question, and "
        "meeting the people who work on it.",
        "can_offer": "A sympathetic ear for interns, and spreadsheets for anything.",
    },
    "mentee3@example.com": {
        "training_level": MenteeProfile.TrainingLevel.CA2,
        "interests": [
            "Critical care",
            "Leadership",
            "Burnout and recovery",
            "Fitness and outdoors",
        ],
        "curious_about": "Critical care fellowships, and how attendings keep their "
        "patience after a long run of nights.",
        "meaningful_year": "Making commitments I keep: to patients, to my team, and "
        "to running again.",
        "mentor_help": "Honest feedback on how I lead a room, and advice on fellowship "
        "applications.",
        "can_offer": "I organize the resident running group; everyone is welcome, "
        "whatever their pace.",
    },
    "both@example.com": {
        "training_level": MenteeProfile.TrainingLevel.CA3,
        "interests": [
            "Regional anesthesia and acute pain",
            "Job search and negotiation",
            "Leadership",
            "International medical graduates",
        ],
        "curious_about": "What the first year as an attending really feels like, and "
        "how to choose between academic and private practice.",
        "meaningful_year": "Leaving the residency a little kinder than I found it.",
        "mentor_help": "Negotiating my first contract, and keeping my curiosity when I "
        "no longer have a rotation schedule to push me.",
        "can_offer": "Mentoring interns, and everything I learned coming to residency from abroad.",
    },
}

# Phrase lists for generated people: composed by index, so cards differ without chance.
TITLES = [
    "Assistant Professor",
    "Associate Professor",
    "Professor",
    "Clinical Assistant Professor",
    "Clinical Associate Professor",
    "Instructor",
    "Staff Anesthesiologist",
]
DIVISIONS = [
    "Pediatric Anesthesia",
    "Cardiac Anesthesia",
    "Critical Care Medicine",
    "Obstetric Anesthesia",
    "Regional Anesthesia and Acute Pain",
    "Neuroanesthesia",
    "Pain Medicine",
    "Ambulatory Anesthesia",
    "Perioperative Medicine",
    "Multispecialty Anesthesia",
    "Thoracic Anesthesia",
]
HELP_FIRST = [
    "I listen first, then we find the next step together.",
    "I like to help you turn a worry into one small commitment for the month.",
    "I help with career maps: where you are, where you might go, who walked there.",
    "I read drafts: abstracts, personal statements, the e-mail you keep rewriting.",
    "I am good company on a walk after a hard case.",
    "I connect people: if I can't help, I probably know someone who can.",
    "I help you practise the hard conversations before you have them.",
]
HELP_THEN = [
    "Asking for help is a gift; it lets me be useful.",
    "No question is too small, and none too late at night.",
    "I will be honest, and I will be kind about it.",
    "We go at your pace.",
    "Bring the thing you haven't told anyone yet.",
]
WISH_TOLD = [
    "That the people who seem to have it together are also asking for help.",
    "That character grows from commitments: choose a few and keep them well.",
    "That patience with yourself is a clinical skill.",
    "That curiosity outlasts motivation; follow what you keep coming back to.",
    "That generosity compounds: help someone today and it returns years later.",
    "That it is fine not to know what you want yet, as long as you keep looking.",
    "That sleep, friends and a life outside the hospital are not optional extras.",
    "That feedback is information, not a verdict.",
    "That the nurses and technicians will teach you more than any book.",
]
ASK_ABOUT = [
    "difficult airways",
    "running a simulation session",
    "fellowship interviews",
    "writing a first paper",
    "life with small children on call",
    "quality improvement projects",
    "teaching medical students",
    "leading a team in a crisis",
    "negotiating a first job",
    "global health trips",
]
ASK_ALSO = [
    "the best hikes nearby",
    "cooking for one after a long shift",
    "learning an instrument as an adult",
    "cycling to work",
    "books that have nothing to do with medicine",
    "gardening",
    "being a first-generation doctor",
]
LEARNING_NOW = [
    "Point-of-care ultrasound, one view at a time.",
    "How to be a better listener in family meetings.",
    "Statistics, properly this time.",
    "Spanish, for my patients' families.",
    "How to say no kindly, so my yes means something.",
    "Mindfulness that survives a night shift.",
    "Leading without a title.",
    "The piano, very slowly.",
]
CURIOUS_ABOUT = [
    "Whether a fellowship is right for me, and which one.",
    "How to get started in research without losing every weekend.",
    "How attendings stay calm when a case turns bad.",
    "Teaching: how to become someone students learn from.",
    "Global health, and how to build a career around it.",
    "Quality and safety work, and how to change a system from the inside.",
    "What an academic career looks like day to day.",
]
MEANINGFUL_YEAR = [
    "Finishing one project from start to end.",
    "Feeling part of a team again, not only a name on the schedule.",
    "Learning to ask for help before I am drowning.",
    "Keeping a few commitments well: to patients, to friends, to myself.",
    "Staying curious through the hard rotations.",
    "Getting to know the faculty as people.",
]
MENTOR_HELP = [
    "Honest feedback, kindly given.",
    "A map of the career paths I don't know exist yet.",
    "Introductions to people working on what I care about.",
    "Someone to talk to after a hard call.",
    "Advice on fellowship applications and interviews.",
    "Help balancing residency with family.",
]
CAN_OFFER = [
    "A listening ear for interns.",
    "Spreadsheets and study schedules for anyone who wants them.",
    "Rides to the airport and good coffee.",
    "What I learned switching into medicine from engineering.",
    "Spanish and Portuguese for patients' families.",
    "Company on the resident running group's Saturday loop.",
    "Notes from every board review course I have taken.",
]
MENTEE_LEVELS = [
    MenteeProfile.TrainingLevel.INTERN,
    MenteeProfile.TrainingLevel.CA1,
    MenteeProfile.TrainingLevel.CA2,
    MenteeProfile.TrainingLevel.CA3,
]

# --- requests and pairings -----------------------------------------------------
# The core people's story, told through the services by `seed_demo`: every state
# a request or a pairing can be in, each with someone to log in as and see it.

CORE_STORY = {
    # Sam and Dana: an active pairing, about two months old.
    "sam_dana": {
        "drew_you": "Your talk on calming frightened children at induction. I want to "
        "learn to be that steady when the airway is small and the parents are watching.",
        "explore": "Whether pediatric anesthesia is for me, and what the fellowship years "
        "are really like.",
        "help_now": "Getting through my first month of nights without losing my curiosity.",
        "reply": "I would be glad to. Bring the case that surprised you most this month, "
        "and we'll start there.",
    },
    # Sam asks Luis too: waiting for an answer.
    "sam_luis": {
        "drew_you": "You help people turn a half-formed research idea into a question. "
        "Mine is about kids, ultrasound and fewer failed IVs.",
        "explore": "How to start a small project during intern year.",
        "help_now": "Finding out whether anyone in the department is already working on this.",
    },
    # Ana asked Luis, who was full and pointed her to Priya.
    "ana_luis": {
        "drew_you": "Cardiac physiology fascinates me, and you were the first attending "
        "who let me hold the TEE probe.",
        "explore": "A first research question in cardiac anesthesia.",
        "help_now": "Choosing between two projects I have been offered.",
        "reply": "Thank you for asking me; it means a lot. A grant deadline takes all my "
        "time until spring, and you deserve someone with time for you now.",
        "referral_reason": "Priya runs the outcomes group in the ICU and loves a first "
        "project. She is the person I would have asked at your stage.",
    },
    # Ana follows the referral; Priya asks a question first.
    "ana_priya": {
        "drew_you": "Dr Herrera suggested you, and your profile says you like a first "
        "project. I would love to learn how outcomes research works.",
        "explore": "Outcomes research, and how to ask a question a small study can answer.",
        "help_now": "Reading my first protocol with someone who has written many.",
        "question": "I sit on the Clinical Competency Committee. Would that be a "
        "problem for you, and how much time could you give a project each month?",
    },
    # Jordan withdrew one request and let another expire, then a director stepped in.
    "jordan_priya": {
        "drew_you": "Your work on leading a unit through a crisis, and your honesty about nights.",
        "explore": "Critical care fellowships.",
    },
    "jordan_luis": {
        "drew_you": "You run the trails I run, and I hear you give honest feedback.",
        "help_now": "Feedback on how I lead a room during a crisis.",
    },
    "jordan_dana": {
        "drew_you": "A co-resident told me you listen first. I have been carrying a hard "
        "case for a while and would like to talk it through with someone.",
        "explore": "How attendings keep their patience after a long run of nights.",
    },
    # Noor, a chief resident, as a mentee: a paused pairing and one that ended.
    "noor_priya": {
        "drew_you": "Your advice on negotiating a first job, and the way you talk about "
        "patience with yourself.",
        "explore": "Academic or private practice, and how to choose.",
        "help_now": "Reading my first contract offer.",
        "reply": "Yes, gladly. Send me the offer when it comes, and we'll read it together.",
        "conflict_reason": "Noor is a CA-3 and graduates before the committee's next "
        "review of her; Dr Raman will recuse herself from that review.",
    },
    "noor_luis": {
        "drew_you": "You were the first in your family in medicine, as I am the first "
        "to train in this country.",
        "explore": "Keeping my curiosity without a rotation schedule to push me.",
        "reply": "I'd love to. First coffee is on me.",
        "end_reason": "Our year together is done, and Noor has found her footing.",
        "mentor_learned": "How much courage it takes to start over in a new country, and "
        "how quietly Noor carries it.",
        "mentor_carry_forward": "Ask more questions before giving advice.",
        "mentee_learned": "That a good question is worth more than a good answer, and "
        "that I can ask for help without apologising.",
        "mentee_carry_forward": "A standing monthly coffee with the interns I mentor now.",
    },
}

# Generated requests and pairings: composed by index, like the profiles.
DREW_YOU = [
    "Your profile says you listen first; that is what I need right now.",
    "A co-resident told me you give honest feedback, kindly.",
    "Your talk at grand rounds stayed with me for weeks.",
    "We share an interest, and you seem to still be curious about it.",
    "You were on call with me on a hard night and made it feel manageable.",
    "Your answer to 'what do you wish someone had told you' is exactly my question.",
]
EXPLORE = [
    "Whether a fellowship is right for me.",
    "A first research question.",
    "How to keep a life outside the hospital.",
    "Teaching, and how to get better at it.",
    "",
]
HELP_NOW = [
    "Preparing for a rotation I am nervous about.",
    "Choosing between two projects.",
    "A personal statement that sounds like me.",
    "",
    "Talking through a hard case.",
]
YES_REPLIES = [
    "I'd be glad to. Let's find a time next week.",
    "Yes. Bring one question you keep coming back to.",
    "",
    "Thank you for asking; I'm looking forward to it.",
]
NO_REPLIES = [
    "Thank you for asking me. My places are full this year, and you deserve someone "
    "with time for you.",
    "I'm honoured you asked. I'm stepping back from mentoring for a season.",
    "",
    "Your question deserves someone closer to it than I am.",
]
REFERRAL_REASONS = [
    "They work on exactly what you describe, and they are generous with their time.",
    "They mentored me on the same question years ago.",
    "They have a place open, and they are a wonderful listener.",
]
QUESTIONS = [
    "What would you most like to get out of our first three months?",
    "How often could you meet, with your rotations this year?",
    "What have you already tried on your own?",
]
QUESTION_ANSWERS = [
    "Clarity on whether to apply for a fellowship next year.",
    "Once a month, more easily in person than by video.",
    "I've read around and talked to a co-resident, and I'm stuck on the first step.",
]
END_REASONS = [
    "We reached what we set out to do.",
    "New rotations took us to different hospitals.",
    "",
    "The year is over, and it was a good one.",
]
MENTOR_LEARNED = [
    "How much curiosity survives a hard year when someone asks about it.",
    "That listening did more than any advice I gave.",
    "",
]
MENTOR_CARRY_FORWARD = [
    "Ask what they are curious about before what they are worried about.",
    "Keep the follow-up e-mail short and send it the same day.",
    "",
]
MENTEE_LEARNED = [
    "That asking for help is a gift to the person asked.",
    "How to turn a worry into one small next step.",
    "That my question was a good one.",
]
MENTEE_CARRY_FORWARD = [
    "A monthly check-in with an intern of my own.",
    "Writing down one commitment after every meeting.",
    "",
]
CONFLICT_REASONS = [
    "The mentor will recuse themselves from the committee's review of this resident.",
    "Discussed with both; the resident chose knowing the role.",
]

# --- meetings, notes and commitments ---------------------------------------------
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
