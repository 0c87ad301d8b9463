"""GUI tests: offscreen, the application configured as Karsaz runs it, Qt warnings fail."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.database import Database, open_database
from desktop.models.tracking import Actor
from desktop.services.auth import sign_in
from desktop.services.demo import DEMO_PASSWORD, make_demo_office


@pytest.fixture(autouse=True)
def karsaz_app(qapp):
    from desktop.views.app import configure_application

    configure_application(qapp)   # which hands cycle collection to the GUI thread
    yield qapp
    # The test's widgets freed here, on the GUI thread, before the next test starts workers;
    # the tests that follow without Qt get automatic collection back.
    gc.collect()
    gc.enable()


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(data_dir=tmp_path / "demo")
    # Clients only: the sample_cases fixture makes the cases these tests count.
    make_demo_office(db, clients=50, seed=7, cases=False)
    yield db
    db.dispose()


@pytest.fixture
def admin(demo_db: Database) -> Actor:
    return sign_in(demo_db, "admin", DEMO_PASSWORD)


@pytest.fixture
def sample_cases(demo_db: Database, admin: Actor) -> list:
    """Cases at every point of the pathway (tests/gui/sample_cases.py) on the demo office."""
    from tests.gui.sample_cases import add_sample_cases

    return add_sample_cases(demo_db, admin)
