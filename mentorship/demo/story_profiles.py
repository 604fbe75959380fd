"""The demo profiles' words: the core mentors' and mentees' answers, and the phrase
lists generated profiles are composed from."""

from mentorship.mentees.models import MenteeProfile

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
