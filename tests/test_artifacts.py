"""Model artifact folders: written as a gzip-compressed pickle with large arrays raw beside it,
the same bytes for the same model, and folders written before with joblib still load."""

import joblib
import numpy as np
import pytest

from classifiers.artifacts import (
    BUFFERS_FILE,
    LARGE_BUFFER,
    LEGACY_MODEL_FILE,
    MODEL_FILE,
    ModelMeta,
    ModelNotFound,
    load_artifact,
    save_artifact,
)


def _meta() -> ModelMeta:
    return ModelMeta(version="t-1", data_hash="abc", params={"C": 0.5},
                     created_at="2026-11-27T00:00:00+00:00", trained_on="seed")


def _model() -> dict:
    return {"weights": np.arange(12, dtype=float).reshape(3, 4), "vocabulary": {"火灾": 0}}


def test_saved_model_loads_back_with_its_meta(tmp_path):
    save_artifact(tmp_path / "v1", _model(), _meta())
    model, meta = load_artifact(tmp_path / "v1")
    assert (tmp_path / "v1" / MODEL_FILE).exists()
    assert meta.version == "t-1" and meta.params == {"C": 0.5}
    assert model["vocabulary"] == {"火灾": 0}
    assert np.array_equal(model["weights"], _model()["weights"])


def test_the_same_model_gives_the_same_bytes(tmp_path):
    save_artifact(tmp_path / "a", _model(), _meta())
    save_artifact(tmp_path / "b", _model(), _meta())
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()


def test_a_folder_written_with_joblib_still_loads(tmp_path):
    folder = tmp_path / "old"
    save_artifact(folder, {"unused": True}, _meta())  # meta.json as before
    (folder / MODEL_FILE).unlink()
    joblib.dump(_model(), folder / LEGACY_MODEL_FILE, compress=3)
    model, meta = load_artifact(folder)
    assert meta.version == "t-1" and model["vocabulary"] == {"火灾": 0}


def test_saving_again_replaces_a_joblib_model(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    joblib.dump({"stale": True}, folder / LEGACY_MODEL_FILE)
    save_artifact(folder, _model(), _meta())
    assert not (folder / LEGACY_MODEL_FILE).exists()
    assert load_artifact(folder)[0]["vocabulary"] == {"火灾": 0}


def test_a_folder_without_meta_is_not_a_model(tmp_path):
    with pytest.raises(ModelNotFound, match="make model"):
        load_artifact(tmp_path)


def _large_model() -> dict:
    vectors = np.arange(LARGE_BUFFER // 2, dtype=np.float16).reshape(-1, 64)  # at the limit
    return {"vectors": vectors, "vocabulary": {"火灾": 0}, "small": np.ones(8)}


def test_large_arrays_are_written_raw_beside_the_pickle_and_load_back(tmp_path):
    save_artifact(tmp_path / "v1", _large_model(), _meta())
    buffers = (tmp_path / "v1" / BUFFERS_FILE).stat().st_size
    assert buffers >= LARGE_BUFFER  # the array itself, uncompressed
    assert (tmp_path / "v1" / MODEL_FILE).stat().st_size < LARGE_BUFFER // 8
    model, _ = load_artifact(tmp_path / "v1")
    assert np.array_equal(model["vectors"], _large_model()["vectors"])
    assert model["vocabulary"] == {"火灾": 0} and model["small"].tolist() == [1.0] * 8


def test_large_arrays_give_the_same_bytes_and_a_small_model_drops_the_raw_file(tmp_path):
    save_artifact(tmp_path / "a", _large_model(), _meta())
    save_artifact(tmp_path / "b", _large_model(), _meta())
    for name in (MODEL_FILE, BUFFERS_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    save_artifact(tmp_path / "a", _model(), _meta())
    assert not (tmp_path / "a" / BUFFERS_FILE).exists()
    assert load_artifact(tmp_path / "a")[0]["vocabulary"] == {"火灾": 0}


def test_a_cut_short_or_foreign_buffers_file_is_refused(tmp_path):
    save_artifact(tmp_path / "v1", _large_model(), _meta())
    path = tmp_path / "v1" / BUFFERS_FILE
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(ValueError, match="a partial copy"):
        load_artifact(tmp_path / "v1")
    path.write_bytes(b"something else entirely")
    with pytest.raises(ValueError, match="not a model buffers file"):
        load_artifact(tmp_path / "v1")
