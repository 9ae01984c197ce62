"""Shared fixtures: a real store file in tmp_path with a small area tree, and actors.

No service creates areas (an administrator's job on the server), so the tree is
inserted directly with the models (testkit.build_tree); everything else in the
tests goes through the services.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from testkit import Tree, build_tree

from inspector.db import Store, open_store
from inspector.services.recording import Actor

# Headless machines (CI, a trainer's VM) have no display; Qt aborts without this.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "profile" / "store.db")
    yield s
    s.close()


@pytest.fixture
def tree(store: Store) -> Tree:
    return build_tree(store)


@pytest.fixture
def worker(tree: Tree) -> Actor:
    return Actor("wang.wu", "worker", "dev-worker-0001", (tree.g1, tree.g2))


@pytest.fixture
def staff(tree: Tree) -> Actor:
    return Actor("li.si", "staff", "dev-staff-0001", (tree.g1, tree.g2))


@pytest.fixture
def supervisor(tree: Tree) -> Actor:
    return Actor("zhao.liu", "supervisor", "dev-super-0001", ())
