"""Alembic migrations of the Karsaz schema.

``HEAD`` names the newest revision so that opening an up-to-date database needs no Alembic at
all (importing it costs a noticeable part of a cold start); a test keeps it equal to the head of
the revision files. Set it when adding a revision.
"""

HEAD = "0009"
