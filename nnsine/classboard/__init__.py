"""A class's fits: grading saved files, and the live class board (SQLAlchemy)."""
