"""Storage behind an interface: `base.Store` (a Protocol) and its SQLite implementation with migrations."""
