"""Word vectors beside TF-IDF: reading the word2vec file, a document's mean vector, the artifact
form, and what they are for — a word the training texts never used still counts."""

import pickle
import struct

import numpy as np
import pytest

from classifiers import embeddings
from classifiers.embeddings import (
    VectorsNotFound,
    WordVectors,
    load_vectors,
    read_word2vec,
)
from classifiers.model import fit_model


def _write_word2vec(path, entries, dimensions=3, header=None):
    with path.open("wb") as out:
        out.write(header or f"{len(entries)} {dimensions}\n".encode())
        for word, vector in entries:
            out.write(word.encode() + b" " + struct.pack(f"<{dimensions}f", *vector) + b"\n")


def _vectors(weight=1.0) -> WordVectors:
    vocabulary = {"火灾": 0, "起火": 1, "股市": 2}
    vectors = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    return WordVectors("test", vocabulary, vectors, weight)


def test_a_word2vec_file_reads_into_words_and_vectors(tmp_path):
    path = tmp_path / "words.vector"
    _write_word2vec(path, [("</s>", (0, 0, 0)), ("火灾", (1, 2, 3)), ("起火", (-1, 0.5, 0))])
    words, vectors = read_word2vec(path)
    assert words == ["</s>", "火灾", "起火"]
    assert vectors.dtype == np.float32 and vectors.shape == (3, 3)
    assert vectors[1].tolist() == [1.0, 2.0, 3.0] and vectors[2].tolist() == [-1.0, 0.5, 0.0]


def test_blank_words_are_left_out(tmp_path):
    path = tmp_path / "words.vector"
    _write_word2vec(path, [("火灾", (1, 0, 0)), ("", (9, 9, 9)), ("起火", (0, 1, 0))])
    words, vectors = read_word2vec(path)
    assert words == ["火灾", "起火"] and vectors[1].tolist() == [0.0, 1.0, 0.0]


def test_a_file_that_is_not_word2vec_or_ends_early_is_refused(tmp_path):
    path = tmp_path / "words.vector"
    _write_word2vec(path, [("火灾", (1, 0, 0))], header=b"word2vec\n")
    with pytest.raises(ValueError, match="not a word2vec binary file"):
        read_word2vec(path)
    _write_word2vec(path, [("火灾", (1, 0, 0))], header=b"2 3\n")  # says two words, holds one
    with pytest.raises(ValueError, match="ends before the end of word 2 of 2"):
        read_word2vec(path)


def test_a_document_vector_is_the_direction_of_its_known_words_times_the_weight():
    vectors = _vectors(weight=2.0)
    out = vectors.transform([["火灾", "起火", "没见过的词"], "股市 股市", ["没见过的词"], []])
    expected = np.array([1.8, 0.6, 0.0]) / np.linalg.norm([1.8, 0.6, 0.0]) * 2.0
    assert np.allclose(out[0], expected)
    assert np.allclose(out[1], [0.0, 0.0, 2.0])  # a repeated word: the same direction
    assert out[2].tolist() == [0.0, 0.0, 0.0] and out[3].tolist() == [0.0, 0.0, 0.0]
    assert out.shape == (4, vectors.dimensions)


def test_words_as_a_string_or_a_list_give_the_same_vector():
    vectors = _vectors()
    assert np.array_equal(vectors.transform(["火灾 起火"]), vectors.transform([["火灾", "起火"]]))


def test_vectors_are_pickled_as_float16_and_come_back_as_float32():
    vectors = _vectors()
    state = vectors.__getstate__()
    assert state["vectors"].dtype == np.float16
    again = pickle.loads(pickle.dumps(vectors))
    assert again.vectors.dtype == np.float32 and again.vectors.flags.c_contiguous
    assert np.allclose(again.vectors, vectors.vectors, atol=1e-3)
    assert again.vocabulary == vectors.vocabulary and again.weight == vectors.weight


def test_unknown_or_missing_vectors_say_what_to_do(monkeypatch):
    with pytest.raises(ValueError, match="unknown word vectors 'nothing-1.0'"):
        load_vectors("nothing-1.0")
    monkeypatch.setitem(embeddings.SOURCES, "yq-absent-package-0.1",
                        ("yq_absent_package", "data/words.vector"))
    with pytest.raises(VectorsNotFound, match=r"pip install yq-absent-package==0\.1"):
        load_vectors("yq-absent-package-0.1")


def test_the_shipped_vectors_place_related_words_together():
    vectors = load_vectors("synonyms-3.10.2")
    assert vectors.dimensions == 100 and len(vectors.vocabulary) > 100_000
    unit = vectors.transform([["飓风"], ["台风"], ["股票"]])
    assert unit[0] @ unit[1] > 0.6 > unit[0] @ unit[2]


RELEVANT = ["台风 登陆 沿海 暴雨", "台风 过境 大风 停课", "暴雨 洪水 转移 群众",
            "洪水 冲毁 道路 村庄", "台风 暴雨 积水 内涝", "大风 暴雨 航班 取消",
            "洪水 上涨 堤坝 险情", "台风 带来 强降雨", "暴雨 引发 山洪", "台风 预警 升级",
            "洪水 淹没 农田", "暴雨 积水 车辆 被困"]
IRRELEVANT = ["股市 上涨 基金 收益", "球队 比赛 夺冠 球迷", "电影 票房 明星 首映",
              "手机 新品 发布 价格", "股市 下跌 投资者 亏损", "球员 转会 比赛 胜利",
              "演唱会 门票 粉丝 歌手", "公司 财报 利润 增长", "基金 经理 收益 排名",
              "联赛 冠军 球队 庆祝", "电视剧 收视 演员 剧情", "银行 利率 贷款 调整"]


def _fit(embedded: bool):
    texts = RELEVANT + IRRELEVANT
    relevant = [True] * len(RELEVANT) + [False] * len(IRRELEVANT)
    topics = [["flood_drought"] if r else [] for r in relevant]
    params = {"min_df": 1, "embeddings": "synonyms-3.10.2" if embedded else None}
    return fit_model(texts, _raw(texts), relevant, topics, ["flood_drought"], params)


def _raw(texts: list[str]) -> list[str]:
    return [text.replace(" ", "") for text in texts]


def test_the_compiled_product_gives_the_calibrated_models_probabilities():
    model = _fit(embedded=True)
    texts = ["飓风 袭击 海岸", "股票 行情 低迷", "台风 暴雨"]
    matrix, relevance, topics = model.predict(texts, _raw(texts))
    from scipy.sparse import csr_matrix, hstack

    full = hstack([matrix, csr_matrix(model.dense(texts))]).tocsr()
    assert np.allclose(relevance, model.relevance.predict_proba(full)[:, 1])
    assert np.allclose(topics["flood_drought"],
                       model.topic_models["flood_drought"].predict_proba(full)[:, 1])


def test_a_word_the_training_never_used_counts_through_its_neighbours():
    # 飓风 and 洪涝 are in no training text, nor any two characters of them; their vectors are
    # near 台风 and 洪水
    texts = ["飓风 袭击", "洪涝 严重"]
    with_vectors = _fit(embedded=True).predict(texts, _raw(texts))[1]
    without = _fit(embedded=False).predict(texts, _raw(texts))[1]
    assert (with_vectors > without + 0.1).all()
    assert _fit(embedded=False).embeddings is None and _fit(embedded=False).dense(texts) is None
