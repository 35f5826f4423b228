"""The evaluation data of ../shared/data mapped to the service's topics (evaluation only).

Mapping (after ../shared/data/README.md; decisions for the edge cases are ours):

* CEC folders: 火灾 → fire; 交通事故 → production_safety; 地震 → relief_supplies (natural
  disaster, relevant); 恐怖袭击 → irrelevant (public security, not this bureau's divisions);
  食物中毒 and 新冠疫情 → not mapped by the data README: reported apart, not scored.
* DuEE event types: 灾害/意外-起火 → fire; 车祸, 坍/垮塌, 坠机 → production_safety;
  爆炸 → relevant, topic not scored (production_safety or hazardous_chemicals by site);
  洪灾 → flood_drought; 地震 → relief_supplies; 组织行为-游行/罢工 → mass_incident;
  灾害/意外-袭击 → irrelevant (public security); every other type → irrelevant.
* THUCNews headlines: every class irrelevant except `society`, whose accident headlines are
  relevant by nature, so by class alone society is reported apart and left out of the scores
  (read, it is scored like the rest).

Labels by reading (``read_by_hand=True``, the default). Many types name what happened, not
whether it is the bureau's kind of event: DuEE types a scaffold fall and a celebrity's illness
alike as 人生-死亡, a bomb and a factory blast as 爆炸, a National Day parade and a protest as 游行,
and THUCNews files floods and crashes abroad under politics, a building collapse under realty and
most accidents under society. So every DuEE sentence and every THUCNews headline — 21,908 items,
whatever the model says of them — was labelled by reading it, with the guide in
``bench/labels/relevance_guide.md``: first the categories where the type decides least (3,176
items), then all the others, society included (18,732). ``bench/labels/relevance_read.json``
keeps the labels by item key with a digest of the text (the text is not copied);
``read_by_hand=False`` gives the mapping by type alone, for comparison. A second labeller read
400 of the first 3,176 items again, blind to the first labels
(``bench/labels/relevance_second_reading.json``); ``reader_agreement`` compares the two.
"""

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
READ_LABELS = Path(__file__).resolve().parent / "labels" / "relevance_read.json"
SECOND_READING = Path(__file__).resolve().parent / "labels" / "relevance_second_reading.json"
# the guide's labels as the service's topics; an empty list is relevant with no scored topic
READ_TOPICS = {"irrelevant": None, "fire": ["fire"], "production_safety": ["production_safety"],
               "hazardous_chemicals": ["hazardous_chemicals"],
               "flood_drought": ["flood_drought"], "natural_disaster": ["relief_supplies"],
               "mass_incident": ["mass_incident"], "other_relevant": []}

CEC_TOPICS = {"火灾": ["fire"], "交通事故": ["production_safety"], "地震": ["relief_supplies"],
              "恐怖袭击": None}
CEC_UNSCORED = ("食物中毒", "新冠疫情")
DUEE_TOPICS = {
    "灾害/意外-起火": "fire", "灾害/意外-车祸": "production_safety",
    "灾害/意外-坍/垮塌": "production_safety", "灾害/意外-坠机": "production_safety",
    "灾害/意外-爆炸": "", "灾害/意外-洪灾": "flood_drought", "灾害/意外-地震": "relief_supplies",
    "组织行为-游行": "mass_incident", "组织行为-罢工": "mass_incident",
}


@dataclass
class Example:
    id: str
    title: str
    text: str
    relevant: bool | None  # None: reported apart, not scored
    topics: list[str] = field(default_factory=list)
    dataset: str = ""
    read_by_hand: bool = False  # labelled by reading it, not by its type


def available() -> bool:
    """Whether the shared evaluation data is beside the repository."""
    return DATA.is_dir()


def cec() -> list[Example]:
    """CEC articles: first line is the date, the rest the article."""
    examples = []
    for path in sorted((DATA / "cec-corpus" / "raw").rglob("*.txt")):
        category = path.relative_to(DATA / "cec-corpus" / "raw").parts[0]
        body = path.read_text(encoding="utf-8-sig")
        title = path.stem
        if category in CEC_UNSCORED:
            relevant, topics = None, []
        else:
            topics = CEC_TOPICS[category]
            relevant, topics = topics is not None, topics or []
        examples.append(Example(f"cec:{path.relative_to(DATA / 'cec-corpus' / 'raw')}", title,
                                body, relevant, topics, "cec"))
    return examples


def duee(*, read_by_hand: bool = True) -> list[Example]:
    """DuEE sentences with their event types mapped (and the hand-read categories' labels)."""
    examples = []
    path = DATA / "duee1.0-events" / "train_event.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        mapped = [DUEE_TOPICS[label] for label in record["label"] if label in DUEE_TOPICS]
        topics = list(dict.fromkeys(t for t in mapped if t))
        examples.append(Example(f"duee:{record['id']}", "", record["text1"], bool(mapped),
                                topics, "duee"))
    return _read_by_hand(examples) if read_by_hand else examples


def thucnews(*, read_by_hand: bool = True) -> list[Example]:
    """THUCNews headlines (by class alone, society headlines are not scored)."""
    folder = DATA / "thucnews-titles"
    classes = folder.joinpath("class.txt").read_text(encoding="utf-8").split()
    examples = []
    for number, line in enumerate(folder.joinpath("dev.txt").read_text(encoding="utf-8")
                                  .splitlines()):
        title, _, label = line.rpartition("\t")
        kind = classes[int(label)]
        examples.append(Example(f"thuc:{number}:{kind}", title, "",
                                None if kind == "society" else False, [], "thucnews"))
    return _read_by_hand(examples) if read_by_hand else examples


def label_key(example: Example) -> str:
    """The key of an example in the hand-read labels (a THUCNews line number without class)."""
    return example.id.rsplit(":", 1)[0] if example.dataset == "thucnews" else example.id


def half(example: Example) -> str:
    """``dev`` or ``test``, fixed per item: errors are studied on the dev half only, so the test
    half measures changes made from what was seen there."""
    return "test" if int(hashlib.sha1(example.id.encode()).hexdigest()[:8], 16) % 2 else "dev"


def digest(text: str) -> str:
    """A short digest of an item's text: a label applies only to the text it was given for."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@cache
def read_labels() -> dict[str, dict]:
    """The hand-read labels by item key (empty without the file)."""
    if not READ_LABELS.exists():
        return {}
    return {entry["key"]: entry
            for entry in json.loads(READ_LABELS.read_text(encoding="utf-8"))["labels"]}


def reader_agreement(second: Path = SECOND_READING) -> dict:
    """How a second labeller's relevance labels compare with the first's on the same texts: the
    share of items both call relevant or both irrelevant, Cohen's kappa, and the second reading's
    precision and recall taken against the first (the ceiling a classifier can be measured to)."""
    if not second.exists():
        return {"items": 0}
    first = read_labels()
    pairs = [(first[e["key"]]["label"], e["label"])
             for e in json.loads(second.read_text(encoding="utf-8"))["labels"]
             if e["key"] in first and first[e["key"]]["digest"] == e["digest"]]
    both = sum(1 for a, b in pairs if a != "irrelevant" and b != "irrelevant")
    only_first = sum(1 for a, b in pairs if a != "irrelevant" and b == "irrelevant")
    only_second = sum(1 for a, b in pairs if a == "irrelevant" and b != "irrelevant")
    total = len(pairs)
    if not total:
        return {"items": 0}
    neither = total - both - only_first - only_second
    observed = (both + neither) / total
    expected = ((both + only_first) * (both + only_second)
                + (neither + only_second) * (neither + only_first)) / total / total
    return {"items": total, "relevant_first": both + only_first,
            "agreement": round(observed, 4),
            "kappa": round((observed - expected) / (1 - expected), 4) if expected < 1 else None,
            "second_precision": round(both / (both + only_second), 4) if both else 0.0,
            "second_recall": round(both / (both + only_first), 4) if both else 0.0,
            "same_label": round(sum(1 for a, b in pairs if a == b) / total, 4)}


def _read_by_hand(examples: list[Example]) -> list[Example]:
    """The examples with the hand-read label in place of the type mapping where there is one;
    a label whose digest does not match the text (the data changed) is not used."""
    labels = read_labels()
    for example in examples:
        entry = labels.get(label_key(example))
        if entry is None or entry["digest"] != digest(example.title or example.text):
            continue
        topics = READ_TOPICS[entry["label"]]
        example.relevant, example.topics = topics is not None, list(topics or [])
        example.read_by_hand = True
    return examples


def weibo_days() -> dict[str, list[str]]:
    """The posts of each Weibo day (GBK CSV, `userid,text`)."""
    days = {}
    for path in sorted((DATA / "covid19-weibo-nlpcc2020" / "unlabeled-daily-gbk").glob("*.csv")):
        reader = csv.reader(io.StringIO(path.read_bytes().decode("gb18030")))
        next(reader, None)
        days[path.stem] = [row[1] for row in reader if len(row) >= 2 and row[1].strip()]
    return days
