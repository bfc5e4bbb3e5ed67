"""Recognising a child at risk: patterns, a similarity layer and the detector that combines them."""
