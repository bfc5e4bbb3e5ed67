"""PolicyBot: answers questions from a school's own policies, forwards concerns, escalates safeguarding."""

__version__ = "0.1.0"
