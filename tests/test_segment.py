"""The segmenter gives exactly the words of jieba's accurate mode with the HMM, faster."""

import jieba
import pytest

from classifiers.artifacts import DATA_DIR
from classifiers.places import Gazetteer
from classifiers.segment import Segmenter
from classifiers.train import SEED_CORPUS, read_corpus

EDGE_CASES = [
    "", " ", "\r\n", "\t \n", "。", "...", "　全角空格　",
    "abc def 123.45% C++ a-b_c &x #tag 50%",
    "中国人民银行Q3财报，GDP增长6.5%！\t\n 李小福是创新办主任也是云计算方面的专家",
    "唐家湾镇一化工厂发生液氯泄漏，致3人死亡、5人受伤，1人失联",
    "斗门区白蕉镇内涝严重，风暴潮叠加天文大潮",
    "😀火灾😀", "ＡＢＣ全角字母１２３", "我爱北京天安门" * 40,
    "王小二李四张三丰欧阳娜娜到访高新区", "记者钟晓敏报道", "村民黎亚娣说",  # names: the HMM
]


@pytest.fixture(scope="module")
def project_jieba(tmp_path_factory):
    """A jieba tokenizer with the project's user dictionary and place names, as the analyzer
    has it."""
    from classifiers.analyzer import make_tokenizer

    tokenizer = make_tokenizer(DATA_DIR, Gazetteer.load(DATA_DIR / "gazetteer.tsv"),
                               cache_dir=tmp_path_factory.mktemp("jieba"))
    return tokenizer._jieba


def texts() -> list[str]:
    corpus = read_corpus(SEED_CORPUS)
    return EDGE_CASES + [f"{d.get('title', '')}\n{d.get('text', '')}" for d in corpus]


def test_the_words_of_jieba_on_the_seed_corpus_and_edge_cases(project_jieba):
    segmenter = Segmenter(project_jieba)
    for text in texts():
        assert segmenter.lcut(text) == project_jieba.lcut(text, HMM=True), text[:60]


def test_the_memo_of_unknown_runs_gives_the_same_words_the_second_time(project_jieba):
    segmenter = Segmenter(project_jieba)
    text = "记者钟晓敏报道"
    first = segmenter.lcut(text)
    assert "钟晓敏" in first and "钟晓敏" in segmenter._hmm  # the HMM's run, remembered
    assert segmenter.lcut(text) == first == project_jieba.lcut(text, HMM=True)


def test_words_added_after_it_was_made_are_used(tmp_path):
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    segmenter = Segmenter(tokenizer)
    text = "哨兵舆情平台发布预警"
    assert segmenter.lcut(text) == tokenizer.lcut(text, HMM=True)
    tokenizer.add_word("哨兵舆情平台", freq=50000)
    assert segmenter.lcut(text) == tokenizer.lcut(text, HMM=True)
    assert "哨兵舆情平台" in segmenter.lcut(text)
