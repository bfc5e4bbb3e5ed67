"""The `policybot` command: one module per group of subcommands."""
