"""Fonts, reference data, translations and styles, read with importlib.resources."""
