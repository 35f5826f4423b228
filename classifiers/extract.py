"""Facts read off the text: casualties, direct economic loss, and the statutory grade.

The grade follows 《生产安全事故报告和调查处理条例》 (国务院令第493号) Art. 3. News rarely says
which injuries are serious, so every reported injury counts toward the 重伤 thresholds; the
explanation says which numbers decided.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from classifiers.numbers import NUMBER, parse_count, parse_number

_N = rf"(?P<n>{NUMBER})"
# between the count and the verb: a few characters of who (名工人, 位老人), but never another
# number or a casualty word, so 3人死亡2人受伤 gives 2 injured, not 3
_WHO = r"\s*(?:人|名|位|个人)[^\s，。；、,;！？!?“”\d零〇一二两三四五六七八九十百千万死亡伤]{0,6}?"
_DEATH = (r"(?:当场|不幸|先后|已|均|经抢救无效|抢救无效|窒息|被烧|溺水|中毒)?"
          r"(?:死亡|遇难|罹难|身亡|丧生|殒命|丧命|溺亡|死去|殉职|不治)")
_INJURY = (r"(?:不同程度|轻重不一|轻微)?(?:地)?"
           r"(?:受伤|受轻伤|受重伤|重伤|轻伤|烧伤|烫伤|擦伤|中毒|伤)")
_MISSING = r"(?:失联|失踪|下落不明)"
_UPDATE = r"(?:已)?(?:上升|增加|增|升|攀升|累计)?(?:至|到|为|达)(?:到)?"

# each pattern with the words it cannot match without: one of each group (checked first: most
# texts name no casualty at all, and a substring test is far cheaper than a regex scan)
_DEATH_WORDS = ("死", "难", "亡", "丧", "殒", "殉", "不治")
_PATTERNS: list[tuple[str, re.Pattern, tuple[tuple[str, ...], ...]]] = [
    ("pair", re.compile(rf"(?P<d>{NUMBER})\s*(?:人)?死\s*(?P<i>{NUMBER})\s*(?:人)?伤"),
     (("死",), ("伤",))),
    ("deaths", re.compile(rf"{_N}{_WHO}{_DEATH}"), (_DEATH_WORDS,)),
    ("deaths", re.compile(rf"(?:死亡|遇难|罹难)(?:人数|者|人员){_UPDATE}{_N}"), (("死亡", "难"),)),
    ("deaths", re.compile(rf"(?:致|造成|导致){_N}\s*(?:人)?(?:死亡|遇难|身亡)"), (("亡", "遇难"),)),
    ("injured", re.compile(rf"{_N}{_WHO}{_INJURY}"), (("伤", "中毒"),)),
    ("injured", re.compile(rf"(?:受伤|伤者|伤员)(?:人数|人员)?{_UPDATE}{_N}"), (("伤",),)),
    ("missing", re.compile(rf"{_N}{_WHO}{_MISSING}"), (("失", "下落不明"),)),
    ("missing", re.compile(rf"(?:失联|失踪)(?:人数|人员|者){_UPDATE}{_N}"), (("失",),)),
]
# a character every casualty pattern above and below needs
_ANY_CASUALTY = re.compile("[死难亡丧殒殉治伤毒失落]")
# injuries listed by kind in one sentence add up: 1人重伤、4人轻伤、28人轻微伤 → 33
_INJURY_KIND = re.compile(rf"{_N}{_WHO}(?:受)?(?P<kind>重伤|轻伤|轻微伤)")
# one victim without a count: 致周某当场死亡, 女孩不幸身亡
_ONE_DEATH = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千万人名位])(?:当场|不幸)(?:死亡|身亡|遇难)")
_KILLED_N = re.compile(rf"(?:撞|烧|砸|压|炸|熏|淹|轧)死{_N}\s*(?:人|名)")
_SENTENCE = re.compile(r"[^。！？!?\n]+")
_NONE_HURT = re.compile(r"(?:无|没有|未造成|未有|未发生|未致)(?:人员)?(?:伤亡|死亡)")
_LOSS = re.compile(
    rf"(?:直接)?经济损失(?:约|达|超过|超|近|共计|合计|为|逾|高达|估计|初步估算|约为)*"
    rf"\s*(?P<n>{NUMBER})\s*(?P<unit>亿元|万元|元|亿|万)")


@dataclass
class Casualties:
    deaths: int = 0
    injured: int = 0
    missing: int = 0
    evidence: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The three counts as the API shows them."""
        return {"deaths": self.deaths, "injured": self.injured, "missing": self.missing}


def normalize(text: str) -> str:
    """Full-width digits and punctuation to their ASCII forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def may_state_facts(text: str, *, normalized: bool = False) -> bool:
    """False when neither ``extract_casualties`` nor ``extract_loss`` can find anything in the
    text (it has none of the words they need), True otherwise. ``normalized``: the text is
    NFKC-normalised already (as ``normalize`` returns it), so it is not normalised again."""
    text = text if normalized else normalize(text)
    return _ANY_CASUALTY.search(text) is not None or "经济损失" in text


def extract_casualties(text: str, *, normalized: bool = False) -> Casualties:
    """The largest death, injury and missing counts the text reports (news updates rise);
    ``normalized`` as for ``may_state_facts``."""
    text = text if normalized else normalize(text)
    found = Casualties()
    if not _ANY_CASUALTY.search(text):
        return found
    for kind, pattern, needs in _PATTERNS:
        if not all(any(word in text for word in group) for group in needs):
            continue
        for match in pattern.finditer(text):
            if kind == "pair":
                deaths, injured = parse_count(match["d"]), parse_count(match["i"])
                if deaths is None or injured is None:
                    continue
                _raise(found, "deaths", deaths, match.group(0))
                _raise(found, "injured", injured, match.group(0))
                continue
            count = parse_count(match["n"])
            if count is not None and count < 100_000:
                _raise(found, kind, count, match.group(0))
    for match in _KILLED_N.finditer(text) if "死" in text else ():
        if (count := parse_count(match["n"])) is not None:
            _raise(found, "deaths", count, match.group(0))
    if found.deaths == 0 and ("当场" in text or "不幸" in text) and (
            match := _ONE_DEATH.search(text)):
        _raise(found, "deaths", 1, match.group(0))
    # adding up kinds of injury needs two kinds in one sentence, so two in the text
    kinds = ("重伤" in text) + ("轻伤" in text) + ("轻微伤" in text)
    for sentence in _SENTENCE.findall(text) if kinds >= 2 else ():
        by_kind: dict[str, int] = {}
        for match in _INJURY_KIND.finditer(sentence):
            count = parse_count(match["n"])
            if count is not None:
                by_kind[match["kind"]] = max(by_kind.get(match["kind"], 0), count)
        if len(by_kind) > 1:
            _raise(found, "injured", sum(by_kind.values()), sentence.strip()[:40])
    return found


def _raise(found: Casualties, kind: str, count: int, evidence: str) -> None:
    if count > getattr(found, kind):
        setattr(found, kind, count)
        found.evidence.append(evidence)


def says_no_casualties(text: str) -> bool:
    """The text states that nobody was hurt (无人员伤亡 and the like)."""
    return bool(_NONE_HURT.search(normalize(text)))


def extract_loss(text: str, *, normalized: bool = False) -> float | None:
    """Direct economic loss in yuan, the largest figure stated, else None; ``normalized`` as for
    ``may_state_facts``."""
    best = None
    text = text if normalized else normalize(text)
    if "经济损失" not in text:
        return None
    for match in _LOSS.finditer(text):
        value = parse_number(match["n"])
        if value is None:
            continue
        unit = match["unit"]
        value *= 100_000_000 if unit.startswith("亿") else 10_000 if unit.startswith("万") else 1
        best = value if best is None else max(best, value)
    return best


def statutory_grade(casualties: Casualties,
                    loss_yuan: float | None) -> tuple[str | None, list[str]]:
    """The Art. 3 grade and the rules that decided it; None when nothing was hurt or lost."""
    deaths, injured, loss = casualties.deaths, casualties.injured, loss_yuan or 0
    rules: list[str] = []
    checks = [
        ("特别重大", [(deaths >= 30, "deaths>=30"), (injured >= 100, "injured>=100"),
                      (loss >= 1e8, "loss>=1亿元")]),
        ("重大", [(deaths >= 10, "deaths>=10"), (injured >= 50, "injured>=50"),
                  (loss >= 5e7, "loss>=5000万元")]),
        ("较大", [(deaths >= 3, "deaths>=3"), (injured >= 10, "injured>=10"),
                  (loss >= 1e7, "loss>=1000万元")]),
    ]
    for grade, conditions in checks:
        rules = [f"grade:{rule}" for hit, rule in conditions if hit]
        if rules:
            return grade, rules
    if deaths or injured or casualties.missing or loss:
        return "一般", ["grade:below较大"]
    return None, []
