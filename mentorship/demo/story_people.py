"""The demo's cast: the core people, the names generated people are composed from,
their password and what each core person finds when they log in."""

DEMO_PASSWORD = "connect-with-purpose"

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

# What each core person finds when they log in, printed with their log-in.
STORY_LINES = {
    "director@example.com": "proposed Noor to Jordan; approved Priya with Noor",
    "mentor@example.com": "mentor to Sam (active, quiet for 47 days); Jordan's request waits",
    "mentor2@example.com": "Sam's request waits; declined Ana, suggesting Priya",
    "mentor3@example.com": "asked Ana a question; mentor to Noor (paused)",
    "mentee@example.com": "paired with Dana, last met 47 days ago; waiting to hear from Luis",
    "mentee2@example.com": "declined by Luis with a suggestion; Priya asked a question; "
    "Noor is her near-peer mentor",
    "mentee3@example.com": "one request withdrawn, one expired; a pairing proposed",
    "both@example.com": "a paused and an ended pairing as mentee; near-peer mentor to Ana, "
    "proposed to Jordan",
}
