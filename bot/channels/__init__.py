"""Adapters between people and the core: a module or package per channel; channels never import each other."""
