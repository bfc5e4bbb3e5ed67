"""`python -m bot` does what the `policybot` command does."""

from bot.cli.main import main

raise SystemExit(main())
