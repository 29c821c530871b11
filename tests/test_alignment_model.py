"""The alignment model is data: a readable weights file, read with clear errors, retrained
by a command that gives the same file from the same corpus and seed."""

from __future__ import annotations

import importlib.util

import pytest
import yaml
from conftest import ROOT

from checker.cli import main
from checker.errors import RuleError
from checker.knowledge.alignment import model_path, read_model
from checker.tools.train import model_text, read_corpus, train

CORPUS = ROOT / "benchmarks" / "realnews"
# Three small stories, one of each language mix: enough pairs of both labels to train on.
SMALL = ["eu-google-adtech-fine-2025-en", "microsoft-layoffs-2025-ar", "egypt-inflation-september-2023-mixed"]

needs_training = pytest.mark.skipif(importlib.util.find_spec("sklearn") is None,
                                    reason="training needs the [train] extra (scikit-learn)")


def test_the_shipped_model_reads_and_names_every_feature_the_code_computes():
    from checker.tools.train.fit import PAIR_FEATURES

    model = read_model(model_path())
    assert set(model.pair.weights) == set(PAIR_FEATURES)
    assert 0 < model.thresholds.possible <= model.thresholds.conflict <= 1


def test_a_broken_weights_file_names_its_line(tmp_path):
    data = yaml.safe_load(model_path().read_text(encoding="utf-8"))
    data["pair"]["weights"]["same_value"] = float("nan")
    broken = tmp_path / "align.yaml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(RuleError) as error:
        read_model(broken)
    assert str(broken) in str(error.value) and "finite" in str(error.value)


@needs_training
def test_training_twice_gives_the_same_file(setup, tmp_path):
    reads = read_corpus([CORPUS], setup, SMALL)
    first, second = (model_text(train(reads, setup, seed=0)) for _ in range(2))
    assert first == second and "pair:" in first and "rank:" in first


@needs_training
def test_the_command_writes_the_model_it_reports(setup, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SMALL:
        (corpus / name).symlink_to(CORPUS / name)
    target = tmp_path / "align.yaml"
    assert main(["train", "--realnews", str(corpus), "-o", str(target)]) == 0
    assert "3 stories" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == model_text(train(read_corpus([corpus], setup), setup, seed=0))
    read_model(target)  # what it writes, the checker reads


@needs_training
def test_the_shipped_model_is_what_training_on_the_corpus_gives(setup):
    """rules/models/align.yaml is the output of `factcheck train --realnews benchmarks/realnews`:
    retrain it with that command when the corpus, the features or the extractors change."""
    shipped = model_path().read_text(encoding="utf-8")
    assert model_text(train(read_corpus([CORPUS], setup), setup, seed=0)) == shipped


def test_training_without_a_corpus_is_exit_2(tmp_path, capsys):
    assert main(["train", "--realnews", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_training_needs_a_folder_argument(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["train"])
    assert exit_.value.code == 2 and "--realnews" in capsys.readouterr().err

