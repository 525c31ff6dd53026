"""epoch_trends parser on the real mirror files."""

from datetime import date

import pytest

from openpace.errors import SourceError
from openpace.sources import SOURCES
from openpace.sources.base import ModelFact, Score


@pytest.fixture(scope="module")
def records(mirror):
    return list(SOURCES["epoch_trends"].offline(mirror))


def test_mixtral_mmlu_as_percent(records):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mixtral 8x22B, MMLU 0.778, 2024-04-17
    mmlu = [r for r in records if isinstance(r, Score) and r.model_name == "Mixtral 8x22B" and r.benchmark == "MMLU"]
    assert [m.score for m in mmlu] == [pytest.approx(77.8)]
    assert mmlu[0].release_date == date(2024, 4, 17)
    assert mmlu[0].open_weights is True


def test_lmsys_elo_becomes_arena_elo(records):
    elo = [r for r in records if isinstance(r, Score) and r.benchmark == "Arena Elo"]
    assert elo and all(r.unit == "elo" and r.score > 500 for r in elo)


def test_systems_table_training_facts(records):
    # epoch/open-model-trends/all_ml_systems_2024-09-25.csv: Llama 3.1-405B, 16000 x NVIDIA H100 SXM5 80GB
    llama = [r for r in records if isinstance(r, ModelFact) and r.name == "Llama 3.1-405B" and r.hardware]
    assert llama[0].hardware_quantity == 16000
    assert llama[0].hardware == "NVIDIA H100 SXM5 80GB"
    assert llama[0].open_weights is True


def test_every_row_has_provenance(records):
    for r in records[:200]:
        assert r.source == "epoch_trends" and r.origin.startswith("mirror:epoch/") and r.license


def test_truncated_csv_names_file_and_line(mirror, tmp_path):
    src = mirror / "epoch/open-model-trends/benchmarks_with_model_accessibility.csv"
    target = tmp_path / "epoch/open-model-trends"
    target.mkdir(parents=True)
    data = src.read_bytes()
    (target / src.name).write_bytes(data[: len(data) // 2])
    with pytest.raises(SourceError) as err:
        list(SOURCES["epoch_trends"].offline(tmp_path))
    assert "benchmarks_with_model_accessibility.csv:" in str(err.value)
