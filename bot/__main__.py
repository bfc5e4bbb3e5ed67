"""`python -m bot` does what the `policybot` command does."""

from bot.cli import main

raise SystemExit(main())
