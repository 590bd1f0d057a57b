"""Fixtures shared by the test modules: the package's own word lists and gazetteer, loaded once."""

import pytest

from analysis.gazetteer import load_gazetteer
from analysis.names import load_roles


@pytest.fixture(scope="module")
def roles():
    return load_roles()


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()
