"""The evaluation data of ../shared/data mapped to the service's topics (evaluation only).

Mapping (after ../shared/data/README.md; decisions for the edge cases are ours):

* CEC folders: 火灾 → fire; 交通事故 → production_safety; 地震 → relief_supplies (natural
  disaster, relevant); 恐怖袭击 → irrelevant (public security, not this bureau's divisions);
  食物中毒 and 新冠疫情 → not mapped by the data README: reported apart, not scored.
* DuEE event types: 灾害/意外-起火 → fire; 车祸, 坍/垮塌, 坠机 → production_safety;
  爆炸 → relevant, topic not scored (production_safety or hazardous_chemicals by site);
  洪灾 → flood_drought; 地震 → relief_supplies; 组织行为-游行/罢工 → mass_incident;
  灾害/意外-袭击 → irrelevant (public security); every other type → irrelevant.
* THUCNews headlines: every class irrelevant except `society`, whose few accident headlines are
  relevant by nature, so society is reported apart and left out of the scores.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"

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


def duee() -> list[Example]:
    """DuEE sentences with their event types mapped."""
    examples = []
    path = DATA / "duee1.0-events" / "train_event.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        mapped = [DUEE_TOPICS[label] for label in record["label"] if label in DUEE_TOPICS]
        topics = list(dict.fromkeys(t for t in mapped if t))
        examples.append(Example(f"duee:{record['id']}", "", record["text1"], bool(mapped),
                                topics, "duee"))
    return examples


def thucnews() -> list[Example]:
    """THUCNews headlines; society headlines are not scored."""
    folder = DATA / "thucnews-titles"
    classes = folder.joinpath("class.txt").read_text(encoding="utf-8").split()
    examples = []
    for number, line in enumerate(folder.joinpath("dev.txt").read_text(encoding="utf-8")
                                  .splitlines()):
        title, _, label = line.rpartition("\t")
        kind = classes[int(label)]
        examples.append(Example(f"thuc:{number}:{kind}", title, "",
                                None if kind == "society" else False, [], "thucnews"))
    return examples


def weibo_days() -> dict[str, list[str]]:
    """The posts of each Weibo day (GBK CSV, `userid,text`)."""
    days = {}
    for path in sorted((DATA / "covid19-weibo-nlpcc2020" / "unlabeled-daily-gbk").glob("*.csv")):
        reader = csv.reader(io.StringIO(path.read_bytes().decode("gb18030")))
        next(reader, None)
        days[path.stem] = [row[1] for row in reader if len(row) >= 2 and row[1].strip()]
    return days
