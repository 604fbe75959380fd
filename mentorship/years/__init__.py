"""The program year: academic years per program, and each person's training level
held per year (appointments). Sits above programs and below mentors and mentees,
which read a person's current level from it."""
