"""The residents of this year's class (mentorship/demo/class_year.py), six at each
level, in their own words. Names are made up; any likeness is chance."""

from mentorship.mentees.models import MenteeProfile

INTERN = MenteeProfile.TrainingLevel.INTERN
CA1 = MenteeProfile.TrainingLevel.CA1
CA2 = MenteeProfile.TrainingLevel.CA2
CA3 = MenteeProfile.TrainingLevel.CA3

# Six residents at each level, in their own words.
RESIDENTS = {
    # --- interns ---
    "resident.tomas@example.com": {
        "name": "Tomás Reyes",
        "training_level": INTERN,
        "interests": ["Airway management", "First-generation in medicine", "Fitness and outdoors"],
        "curious_about": "How people learn to read a room in the OR before anyone says a word.",
        "meaningful_year": "Getting through the first winter with my sense of humour, and a "
        "few friends who would notice if I lost it.",
        "mentor_help": "Someone a little ahead of me who remembers what the first months felt like.",
        "can_offer": "Spanish for patients' families, and a spare bike for anyone who wants "
        "to ride in.",
    },
    "resident.ifeoma@example.com": {
        "name": "Ifeoma Nwosu",
        "training_level": INTERN,
        "interests": ["Obstetric anesthesia", "Global health", "Women in medicine"],
        "curious_about": "Obstetric anesthesia, and what safe labour care could look like "
        "where I grew up.",
        "meaningful_year": "One conversation each month with someone whose work I admire.",
        "mentor_help": "Knowing which questions to ask before I know what I want.",
        "can_offer": "I ran a peer tutoring group in medical school, and I'd gladly start "
        "one here.",
    },
    "resident.kai@example.com": {
        "name": "Kai Palakiko",
        "training_level": INTERN,
        "interests": ["Point-of-care ultrasound", "Music and the arts", "Wellness"],
        "curious_about": "Ultrasound, and whether I love the procedures or the thinking "
        "around them.",
        "meaningful_year": "Still playing music by June, even on a call schedule.",
        "mentor_help": "Habits that survive nights: sleep, food, and studying that sticks.",
        "can_offer": "Ukulele at the resident retreat, and patience with anyone learning "
        "something new.",
    },
    "resident.mei@example.com": {
        "name": "Mei Zhao",
        "training_level": INTERN,
        "interests": ["Pediatric anesthesia", "Perioperative medicine", "Simulation"],
        "curious_about": "How pediatric anesthesiologists talk to children, and whether I "
        "could learn it.",
        "meaningful_year": "Feeling that I belong in the OR, not only that I'm allowed to "
        "be there.",
        "mentor_help": "Honest feedback on how I present a plan, before it matters.",
        "can_offer": "I make flashcards for everything, and I share them all.",
    },
    "resident.rahul@example.com": {
        "name": "Rahul Menon",
        "training_level": INTERN,
        "interests": ["Cardiac anesthesia", "Clinical research", "Medical informatics"],
        "curious_about": "Whether the data we already collect in the OR could answer "
        "questions nobody has asked yet.",
        "meaningful_year": "Starting a small project I can finish by the end of CA-1.",
        "mentor_help": "Finding the people who work with data here, and a first question "
        "to bring them.",
        "can_offer": "Python and spreadsheets, for anyone whose project is drowning in numbers.",
    },
    "resident.sofia@example.com": {
        "name": "Sofia Lindgren",
        "training_level": INTERN,
        "interests": ["Wellness", "Mindfulness", "Partners and family"],
        "curious_about": "How people keep a marriage and their friendships going through "
        "residency.",
        "meaningful_year": "Learning to ask for help early, instead of after a bad week.",
        "mentor_help": "I'm not sure yet, and I'd like to talk to someone about that too.",
        "can_offer": "A quiet ear, and cinnamon buns for the call room.",
    },
    # --- CA-1 ---
    "resident.layla@example.com": {
        "name": "Layla Mansour",
        "training_level": CA1,
        "interests": ["Critical care", "Leadership", "International medical graduates"],
        "curious_about": "Critical care, and how the ICU team decides together when nobody "
        "is sure.",
        "meaningful_year": "Leading a code with a steady voice.",
        "mentor_help": "Practising how to speak up with attendings I don't know yet.",
        "can_offer": "Arabic and French for patients' families, and everything I learned "
        "moving here from Beirut.",
    },
    "resident.owen@example.com": {
        "name": "Owen Fitzgerald",
        "training_level": CA1,
        "interests": [
            "Regional anesthesia and acute pain",
            "Teaching residents and students",
            "Fitness and outdoors",
        ],
        "curious_about": "Nerve blocks, and how to teach a skill I'm still learning myself.",
        "meaningful_year": "Getting good at one thing, properly, and helping the next intern "
        "do the same.",
        "mentor_help": "A senior resident to tell me what CA-1 year really asks of you.",
        "can_offer": "Rides to the Sunday trail runs, and a spare headlamp.",
    },
    "resident.adaeze@example.com": {
        "name": "Adaeze Okonkwo",
        "training_level": CA1,
        "interests": ["Cardiac anesthesia", "Underrepresented in medicine", "Advocacy and policy"],
        "curious_about": "Cardiac anesthesia, and why so few people who look like me end up in it.",
        "meaningful_year": "Finding a mentor I can be fully honest with, and being that for "
        "a student.",
        "mentor_help": "Career maps, and the unwritten rules nobody tells first-generation "
        "residents.",
        "can_offer": "I mentor two medical students from the pipeline program; I can "
        "introduce you.",
    },
    "resident.mateo@example.com": {
        "name": "Mateo Silva",
        "training_level": CA1,
        "interests": ["Medical education", "Simulation", "Neuroanesthesia"],
        "curious_about": "Simulation: how a rehearsed crisis turns into calm in a real one.",
        "meaningful_year": "Running one simulation session for the interns, start to finish.",
        "mentor_help": "Feedback on my teaching, and a way into the simulation centre.",
        "can_offer": "Portuguese for patients' families, and good coffee at 6 a.m.",
    },
    "resident.yuna@example.com": {
        "name": "Yuna Kobayashi",
        "training_level": CA1,
        "interests": ["Obstetric anesthesia", "Women in medicine", "Parenting"],
        "curious_about": "Obstetric anesthesia, and how people plan a family around residency.",
        "meaningful_year": "Being present at home and at work, without pretending either is easy.",
        "mentor_help": "Someone who has done both, and will tell me honestly what it costs.",
        "can_offer": "Meal plans for call weeks; I share mine with anyone.",
    },
    "resident.daniel@example.com": {
        "name": "Daniel Cohen",
        "training_level": CA1,
        "interests": ["Chronic pain", "Private practice", "Finances"],
        "curious_about": "Pain medicine, and what a career outside the academic centre looks like.",
        "meaningful_year": "Paying down a little debt, and knowing where my money goes.",
        "mentor_help": "Someone in practice who will talk plainly about jobs, contracts and money.",
        "can_offer": "A loan repayment spreadsheet that actually makes sense.",
    },
    # --- CA-2 ---
    "resident.priscilla@example.com": {
        "name": "Priscilla Asante",
        "training_level": CA2,
        "interests": ["Pediatric anesthesia", "Global health", "Teaching residents and students"],
        "curious_about": "Pediatric anesthesia abroad, and how short trips can build "
        "something that lasts.",
        "meaningful_year": "Choosing a fellowship for the right reasons, not the loudest ones.",
        "mentor_help": "Talking through fellowship choices with someone who just made them.",
        "can_offer": "Twi for patients' families, and company at the Tuesday study group.",
    },
    "resident.arjun@example.com": {
        "name": "Arjun Patel",
        "training_level": CA2,
        "interests": ["Neuroanesthesia", "Clinical research", "Academic careers"],
        "curious_about": "Neuroanesthesia, and how to turn a clinical question into a study "
        "I can finish.",
        "meaningful_year": "A first abstract submitted, with my name first.",
        "mentor_help": "Turning a vague idea into a question, and a timeline I can keep.",
        "can_offer": "Statistics help: I'll sit with anyone stuck in R.",
    },
    "resident.camille@example.com": {
        "name": "Camille Laurent",
        "training_level": CA2,
        "interests": ["Quality and safety", "Perioperative medicine", "Leadership"],
        "curious_about": "Why handoffs fail, and whether a small change could fix ours.",
        "meaningful_year": "One quality project that changes something on the unit.",
        "mentor_help": "Learning how change actually happens in a hospital, and who to ask.",
        "can_offer": "French for patients' families, and a checklist for nearly anything.",
    },
    "resident.nikolai@example.com": {
        "name": "Nikolai Ivanov",
        "training_level": CA2,
        "interests": ["Thoracic anesthesia", "Burnout and recovery", "Mindfulness"],
        "curious_about": "Thoracic cases, and how people recover after a hard one.",
        "meaningful_year": "Feeling rested at least one day a week.",
        "mentor_help": "Someone to talk to after a bad case, before it turns into a bad month.",
        "can_offer": "Chess in the call room, and Russian for patients' families.",
    },
    "resident.fatima@example.com": {
        "name": "Fatima Al-Sayed",
        "training_level": CA2,
        "interests": [
            "Obstetric anesthesia",
            "Women in medicine",
            "Diversity, equity and inclusion",
        ],
        "curious_about": "How to build a career in obstetric anesthesia with my values at "
        "the centre of it.",
        "meaningful_year": "Starting the women-in-anesthesia lunch again, and keeping it going.",
        "mentor_help": "Honest advice on fellowships, and on saying no to the extra committee.",
        "can_offer": "Arabic for patients' families, and a standing invitation to Friday dinner.",
    },
    "resident.jamal@example.com": {
        "name": "Jamal Washington",
        "training_level": CA2,
        "interests": ["Critical care", "Underrepresented in medicine", "Fitness and outdoors"],
        "curious_about": "Critical care, and whether to apply for a fellowship this spring.",
        "meaningful_year": "A decision about fellowship I still believe in a year from now.",
        "mentor_help": "Someone who will ask me hard questions about what I want.",
        "can_offer": "Pick-up basketball on Thursdays, and notes from every board review "
        "I've done.",
    },
    # --- CA-3 ---
    "resident.lucia@example.com": {
        "name": "Lucía Moreno",
        "training_level": CA3,
        "interests": ["Ambulatory anesthesia", "Private practice", "Job search and negotiation"],
        "curious_about": "Private practice or academic: what each job is like on an "
        "ordinary Tuesday.",
        "meaningful_year": "Leaving with a job I'm excited about, and interns who know they "
        "can call me.",
        "mentor_help": "Reading my first contract with me, line by line.",
        "can_offer": "Near-peer mentoring for interns, and Spanish for patients' families.",
    },
    "resident.ethan@example.com": {
        "name": "Ethan Brooks",
        "training_level": CA3,
        "interests": ["Chronic pain", "Medical education", "LGBTQ+ in medicine"],
        "curious_about": "Pain medicine fellowships, and how to keep teaching once I'm an "
        "attending.",
        "meaningful_year": "Finishing residency kinder than I started it.",
        "mentor_help": "Choosing between two fellowship offers, and staying well while I do.",
        "can_offer": "Near-peer mentoring, and a list of everything I wish I'd known as an intern.",
    },
    "resident.thandiwe@example.com": {
        "name": "Thandiwe Dlamini",
        "training_level": CA3,
        "interests": ["Pediatric anesthesia", "Global health", "International medical graduates"],
        "curious_about": "Global pediatric anesthesia, and a career that leaves room for it.",
        "meaningful_year": "Helping the interns feel at home, the way someone did for me.",
        "mentor_help": "Advice on jobs that leave room for work abroad.",
        "can_offer": "Near-peer mentoring, isiZulu for patients' families, and what I "
        "learned coming here from Durban.",
    },
    "resident.sungmin@example.com": {
        "name": "Sung-min Park",
        "training_level": CA3,
        "interests": ["Neuroanesthesia", "Basic and translational science", "Academic careers"],
        "curious_about": "Staying in academics, and how to keep a research question alive "
        "through fellowship.",
        "meaningful_year": "Finishing the paper from my CA-1 year, finally.",
        "mentor_help": "A push to finish, and advice on academic job offers.",
        "can_offer": "Help with figures and manuscripts; I've rewritten mine many times.",
    },
    "resident.rebecca@example.com": {
        "name": "Rebecca Goldberg",
        "training_level": CA3,
        "interests": ["Obstetric anesthesia", "Leadership", "Parenting"],
        "curious_about": "Leading an obstetric unit, and still seeing patients.",
        "meaningful_year": "Graduating with a plan for my first year as an attending, and "
        "my family still smiling.",
        "mentor_help": "Negotiating part-time work in my first job.",
        "can_offer": "Advice on parenting through residency; I've done it with two.",
    },
    "resident.kwame@example.com": {
        "name": "Kwame Boateng",
        "training_level": CA3,
        "interests": ["Cardiac anesthesia", "Job search and negotiation", "Music and the arts"],
        "curious_about": "Cardiac anesthesia jobs, and what I'd like an ordinary day to feel "
        "like in five years.",
        "meaningful_year": "Ending residency well: thanking the people who taught me.",
        "mentor_help": "I may have left it late to ask; I'd still like someone to talk jobs with.",
        "can_offer": "Piano at the graduation dinner, and notes from my cardiac rotations.",
    },
}
