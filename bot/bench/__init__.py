"""Benchmarks that print figures (`python -m bot.bench`); timing lives here, never in tests."""
