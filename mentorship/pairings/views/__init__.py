"""The people's pages for asking, requests and pairings, one module each:
asking.py (a mentor's page and the request form), requests.py (the mentee's
requests, the mentor's inbox and answers), pairings.py (the list and each step of
a pairing's life). The pairing's own page, with its meetings, is in meetings."""
