"""Demo data (`manage.py seed_demo`) and page timings on it (`manage.py bench_pages`).

At the top of the layers: it may import any app, and no app imports it.
"""
