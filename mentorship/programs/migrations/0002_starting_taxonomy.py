"""A real starting taxonomy for an anesthesiology program; directors edit it in the admin."""

from django.db import migrations

TAXONOMY = {
    "clinical": [
        "Cardiac anesthesia",
        "Pediatric anesthesia",
        "Obstetric anesthesia",
        "Regional anesthesia and acute pain",
        "Critical care",
        "Chronic pain",
        "Neuroanesthesia",
        "Airway management",
        "Thoracic anesthesia",
        "Transplant anesthesia",
        "Ambulatory anesthesia",
        "Perioperative medicine",
        "Point-of-care ultrasound",
    ],
    "research": [
        "Clinical research",
        "Basic and translational science",
        "Quality and safety",
        "Health services research",
        "Global health",
        "Medical informatics",
    ],
    "education": ["Medical education", "Simulation", "Teaching residents and students"],
    "leadership": ["Leadership", "Diversity, equity and inclusion", "Advocacy and policy"],
    "wellness": ["Wellness", "Burnout and recovery", "Mindfulness"],
    "career": [
        "Academic careers",
        "Private practice",
        "Fellowship applications",
        "Job search and negotiation",
        "Finances",
    ],
    "identity": [
        "First-generation in medicine",
        "Women in medicine",
        "LGBTQ+ in medicine",
        "Underrepresented in medicine",
        "International medical graduates",
    ],
    "life": ["Parenting", "Partners and family", "Fitness and outdoors", "Music and the arts"],
}


def add_interests(apps, schema_editor):
    Interest = apps.get_model("programs", "Interest")
    for category, names in TAXONOMY.items():
        for name in names:
            Interest.objects.get_or_create(name=name, defaults={"category": category})


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(add_interests, migrations.RunPython.noop)]
