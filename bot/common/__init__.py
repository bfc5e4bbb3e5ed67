"""Foundations every layer may use: text cleaning, YAML with line numbers, schema checks.

Imports nothing else from bot.
"""
