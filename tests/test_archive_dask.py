"""Indexing on Dask (the optional [dask] extra): the same store as indexing on one machine."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from conftest import ROOT

pytest.importorskip("dask.distributed", reason="the [dask] extra is not installed")
pytest.importorskip("pyarrow", reason="the [dask] extra is not installed")

from dask.distributed import LocalCluster  # noqa: E402

from checker.cli import main  # noqa: E402

STORY = ROOT / "benchmarks" / "realnews" / "pelicot-verdict-2024-en"
QUERY = "SELECT path, hash, knowledge, published, day, meta, text, digest FROM articles ORDER BY path"
NAMES = "SELECT a.path, n.key FROM names n JOIN articles a ON a.id = n.article ORDER BY 1, 2"


def contents(store):
    with sqlite3.connect(store) as connection:
        return list(connection.execute(QUERY)), list(connection.execute(NAMES))


def test_a_local_cluster_and_a_scheduler_address_make_the_store_one_machine_makes(tmp_path, capsys):
    folder = tmp_path / "story"
    shutil.copytree(STORY, folder)
    alone, local, remote = tmp_path / "alone.db", tmp_path / "local.db", tmp_path / "remote.db"
    assert main(["index", str(folder), "--store", str(alone), "--jobs", "1"]) == 0
    assert main(["index", str(folder), "--store", str(local), "--local-cluster", "2"]) == 0
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert main(["index", str(folder), "--store", str(remote), "--scheduler", cluster.scheduler_address]) == 0
    assert contents(local) == contents(alone) == contents(remote)
    assert not (tmp_path / "local.db.parts").exists()  # partitions read, then removed
    capsys.readouterr()
    assert main(["index", str(folder), "--store", str(local), "--local-cluster", "1"]) == 0
    assert "0 added, 0 replaced, 11 unchanged, 0 dropped" in capsys.readouterr().out
