"""Karsaz (کارساز): the county employment desk of the State Welfare Organization."""

__version__ = "0.1.0"
