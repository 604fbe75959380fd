"""Demo requests and pairings: what the demo people write when they ask, answer and close."""

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
