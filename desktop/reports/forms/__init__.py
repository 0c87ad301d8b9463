"""The forms of a client's file, each a function from plain records to a ``FormLayout``."""
