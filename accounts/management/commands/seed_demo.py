"""Demo data: a small program to click through, or a large one for benchmarks.

Idempotent: running it twice leaves the same people, with the same password, and
creates no second profile; profiles already there are left as they are.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import ensure_directors_group
from accounts.services import user_appoint_director
from mentorship.mentees.models import MenteeProfile
from mentorship.mentors.models import MentorProfile
from mentorship.programs.models import Interest, Program

DEMO_PASSWORD = "connect-with-purpose"

# email, name, mentee, mentor
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


def generated_name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last}"


def pick(items: list, index: int, count: int) -> list:
    """`count` items spread over the list (stride 5 crosses categories), by index."""
    if not items:
        return []
    return list(dict.fromkeys(items[(index * 7 + k * 5) % len(items)] for k in range(count)))


def generated_mentor(index: int, interests: list[Interest]) -> dict:
    """A mentor profile's fields; every 10th is left for a director to approve."""
    return {
        "title": TITLES[index % len(TITLES)],
        "division": DIVISIONS[(index // 2) % len(DIVISIONS)],
        "capacity": 1 + index % 4,
        "accepting_new": index % 9 != 0,
        "meets_in_person": index % 3 != 0,
        "meets_by_video": index % 3 != 1,
        "meets_by_phone": index % 5 == 0,
        "is_ccc_member": index % 13 == 0,
        "how_i_help": f"{HELP_FIRST[index % len(HELP_FIRST)]} "
        f"{HELP_THEN[(index // len(HELP_FIRST)) % len(HELP_THEN)]}",
        "wish_told": WISH_TOLD[(index * 4) % len(WISH_TOLD)],
        "ask_me_about": f"{ASK_ABOUT[index % len(ASK_ABOUT)].capitalize()}, and "
        f"{ASK_ALSO[(index // 3) % len(ASK_ALSO)]}.",
        "learning_now": LEARNING_NOW[(index // 2) % len(LEARNING_NOW)],
        "interests": pick(interests, index, 2 + index % 4),
        "approved": index % 10 != 0,
    }


def generated_mentee(index: int, interests: list[Interest]) -> dict:
    return {
        "training_level": MENTEE_LEVELS[index % len(MENTEE_LEVELS)],
        "curious_about": CURIOUS_ABOUT[index % len(CURIOUS_ABOUT)],
        "meaningful_year": MEANINGFUL_YEAR[(index // 2) % len(MEANINGFUL_YEAR)],
        "mentor_help": MENTOR_HELP[(index * 5) % len(MENTOR_HELP)],
        "can_offer": CAN_OFFER[(index // 3) % len(CAN_OFFER)],
        "interests": pick(interests, index + 3, 2 + index % 3),
    }


def create_profiles(model, specs: dict[int, dict], programs: dict[int, list]) -> int:
    """Profiles for the users (by pk) that have none, with their interests and programs.

    Profiles already there are left alone, so a second run creates nothing.
    """
    have = set(model.objects.filter(user_id__in=specs).values_list("user_id", flat=True))
    new = {user_id: spec for user_id, spec in specs.items() if user_id not in have}
    model.objects.bulk_create(
        [
            model(user_id=user_id, **{k: v for k, v in spec.items() if k != "interests"})
            for user_id, spec in new.items()
        ],
        batch_size=500,
    )
    profile_pks = dict(model.objects.filter(user_id__in=new).values_list("user_id", "pk"))
    fk = f"{model._meta.model_name}_id"
    model.interests.through.objects.bulk_create(
        [
            model.interests.through(**{fk: profile_pks[user_id]}, interest_id=interest.pk)
            for user_id, spec in new.items()
            for interest in spec["interests"]
        ],
        batch_size=1000,
    )
    if programs:
        model.programs.through.objects.bulk_create(
            [
                model.programs.through(**{fk: profile_pks[user_id]}, program_id=program.pk)
                for user_id in new
                for program in programs[user_id]
            ],
            batch_size=1000,
        )
    return len(new)


class Command(BaseCommand):
    help = "Create demo people (idempotent); --mentors/--mentees add a larger program."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=0, help="extra mentors to create")
        parser.add_argument("--mentees", type=int, default=0, help="extra mentees to create")

    @transaction.atomic
    def handle(self, *args, mentors: int, mentees: int, **options) -> None:
        if mentors < 0 or mentees < 0:
            self.stderr.write("--mentors and --mentees take a number of 0 or more.")
            return
        password = make_password(DEMO_PASSWORD)
        now = timezone.now()
        ensure_directors_group()

        people = list(CORE_PEOPLE)
        people += [
            (f"mentor{i:04d}@example.com", f"Dr {generated_name(i)}", False, True)
            for i in range(1, mentors + 1)
        ]
        people += [
            (f"mentee{i:04d}@example.com", generated_name(i + 7), True, False)
            for i in range(1, mentees + 1)
        ]

        existing = {u.email: u for u in User.objects.filter(email__in=[p[0] for p in people])}
        new, changed = [], []
        for email, name, is_mentee, is_mentor in people:
            user = existing.get(email)
            if user is None:
                new.append(
                    User(
                        email=email,
                        name=name,
                        password=password,
                        is_mentee=is_mentee,
                        is_mentor=is_mentor,
                        onboarded_at=now,
                    )
                )
            else:
                user.name, user.is_mentee, user.is_mentor = name, is_mentee, is_mentor
                user.password, user.is_active = password, True
                user.onboarded_at = user.onboarded_at or now
                changed.append(user)
        User.objects.bulk_create(new, batch_size=500)
        User.objects.bulk_update(
            changed,
            ["name", "is_mentee", "is_mentor", "password", "is_active", "onboarded_at"],
            batch_size=500,
        )

        users = User.objects.filter(email__in=[p[0] for p in people]).only("pk", "email")
        have_address = set(
            EmailAddress.objects.filter(user__in=users).values_list("email", flat=True)
        )
        EmailAddress.objects.bulk_create(
            [
                EmailAddress(user=u, email=u.email, verified=True, primary=True)
                for u in users
                if u.email not in have_address
            ],
            batch_size=500,
        )
        EmailAddress.objects.filter(user__in=users).update(verified=True)

        director = User.objects.get(email="director@example.com")
        user_appoint_director(user=director, by=director)

        residency, fellowship = self.seed_programs(director)
        user_pks = {u.email: u.pk for u in users}
        new_mentors, new_mentees = self.seed_profiles(
            user_pks, residency, fellowship, director, mentors, mentees, now
        )

        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(people)} people."))
        self.stdout.write(
            f"Programs: {residency.name} (directed by director@example.com) "
            f"and {fellowship.name}. New profiles: {new_mentors} mentors, "
            f"{new_mentees} mentees."
        )
        self.stdout.write("Log in at http://127.0.0.1:8000/accounts/login/ with any of:")
        for email, name, is_mentee, is_mentor in CORE_PEOPLE:
            roles = [r for r, on in (("mentee", is_mentee), ("mentor", is_mentor)) if on]
            if email == "director@example.com":
                roles = ["program director"]
            self.stdout.write(f"  {email:<24} {name:<18} {', '.join(roles)}")
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
        self.stdout.write(
            "The director turns on two-step verification (any authenticator app) "
            "the first time they open /admin/."
        )

    def seed_programs(self, director: User) -> tuple[Program, Program]:
        programs = []
        for spec in (RESIDENCY, FELLOWSHIP):
            program, _ = Program.objects.get_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            programs.append(program)
        programs[0].directors.add(director)
        return programs[0], programs[1]

    def seed_profiles(
        self, user_pks, residency, fellowship, director, mentors, mentees, now
    ) -> tuple[int, int]:
        interests = list(Interest.objects.order_by("pk"))
        by_name = {interest.name: interest for interest in interests}

        mentor_specs = {
            email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
            for email, spec in CORE_MENTORS.items()
        }
        for i in range(1, mentors + 1):
            mentor_specs[f"mentor{i:04d}@example.com"] = generated_mentor(i, interests)
        mentor_rows, mentor_programs = {}, {}
        for email, spec in mentor_specs.items():
            spec = dict(spec)
            approved = spec.pop("approved", True)
            spec["approved_at"] = now if approved else None
            spec["approved_by"] = director if approved else None
            mentor_rows[user_pks[email]] = spec
            mentor_programs[user_pks[email]] = [residency] + (
                [fellowship] if email == FELLOWSHIP_MENTOR else []
            )

        # The year each resident started their current level: this academic year.
        year = now.year if now.month >= 7 else now.year - 1
        mentee_specs = {
            email: {**spec, "interests": [by_name[n] for n in spec["interests"] if n in by_name]}
            for email, spec in CORE_MENTEES.items()
        }
        for i in range(1, mentees + 1):
            mentee_specs[f"mentee{i:04d}@example.com"] = generated_mentee(i, interests)
        mentee_rows = {
            user_pks[email]: {**spec, "program": residency, "start_year": year}
            for email, spec in mentee_specs.items()
        }
        return (
            create_profiles(MentorProfile, mentor_rows, mentor_programs),
            create_profiles(MenteeProfile, mentee_rows, {}),
        )
