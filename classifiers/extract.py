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
_WHO_CHAR = r"[^\s，。；、,;！？!?“”\d零〇一二两三四五六七八九十百千万死亡伤]"
_WHO = rf"\s*(?:人|名|位|个人){_WHO_CHAR}{{0,6}}?"
# the same with room for why or how: 3名工人因吸入浓烟被送往医院, 另有50人感到不适被送医
_WHO_WHY = rf"\s*(?:人|名|位|个人){_WHO_CHAR}{{0,10}}?"
_DEATH = (r"(?:当场|不幸|先后|已|均|经抢救无效|抢救无效|窒息|被烧|溺水|中毒)?"
          r"(?:死亡|遇难|罹难|身亡|丧生|殒命|丧命|溺亡|死去|殉职|不治)")
_INJURY = (r"(?:不同程度|轻重不一|轻微)?(?:地)?"
           r"(?:受伤|受轻伤|受重伤|重伤|轻伤|烧伤|烫伤|擦伤|(?:集体|群体)?(?:食物)?中毒|伤)")
_MISSING = r"(?:失联|失踪|下落不明)"
_UPDATE = r"(?:已)?(?:上升|增加|增|升|攀升|累计)?(?:至|到|为|达)(?:到)?"
# a count that is not the tail of a longer number (其中15名: not 5)
_WHOLE = r"(?<![\d.零〇一二两三四五六七八九十百千万亿])(?<!\d,)"
# taken to hospital: 送医, 入院, 被送往当地医院
_HOSPITAL = (r"(?:送医|送院|入院|住院|送(?:往|到|至|进|入)?[^\s,，。；;、\d]{0,8}?医院"
             r"(?:进行|接受)?(?=救治|抢救|治疗|急救))")
# ... unless they died there: 送医后不治, 送往医院抢救无效死亡
_NOT_DIED = r"(?![^,，。；;]{0,10}?(?:死亡|身亡|不治|无效|遇难))"

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
    # people taken to hospital are hurt (or, after poisoning, ill): 15人入院救治, 50人感到不适被送医
    ("injured", re.compile(rf"{_N}{_WHO_WHY}{_HOSPITAL}{_NOT_DIED}"), (("医", "院"),)),
    # 72名客人出现上吐下泻等食物中毒症状, 8人出现不适
    ("injured", re.compile(rf"{_N}{_WHO}(?:因)?出现[^\s,，。；;\d]{{0,16}}?(?:症状|不适)"),
     (("出现",), ("症状", "不适"))),
    # hurt by something, counted: 撞伤3人, 砸伤两名工人
    ("injured", re.compile(rf"[撞砸烧炸轧压砍刺咬烫]伤(?:了)?{_N}\s*(?:人|名|位)"), (("伤",),)),
    # bodies found or carried out: 抬出两具尸体, 发现3具遇难者遗体
    ("deaths", re.compile(rf"{_WHOLE}{_N}\s*具[^\s,，。；;\d]{{0,10}}?(?:尸体|遗体|尸首)"),
     (("具",), ("尸", "遗体"))),
    ("missing", re.compile(rf"{_N}{_WHO}{_MISSING}"), (("失", "下落不明"),)),
    ("missing", re.compile(rf"(?:失联|失踪)(?:人数|人员|者){_UPDATE}{_N}"), (("失",),)),
]
# a character or word every casualty pattern above and below needs (the characters first: a
# character class is the faster scan, and most texts have none of them)
_ANY_CASUALTY_CHAR = re.compile("[死难亡丧殒殉治伤毒失落医尸院脱适症救遗]")
_ANY_CASUALTY = re.compile(
    "[死难亡丧殒殉治伤毒失落医尸]|[入住送出留]院|脱险|脱离|不适|症状|抢救|遗体")
# injuries listed by kind in one sentence add up: 1人重伤、4人轻伤、28人轻微伤 → 33
_INJURY_KIND = re.compile(rf"{_N}{_WHO}(?:受)?(?P<kind>重伤|轻伤|轻微伤)")
# one victim without a count: 致周某当场死亡, 女孩不幸身亡
_ONE_DEATH = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百千万人名位])(?:当场|不幸)(?:死亡|身亡|遇难)")
_KILLED_N = re.compile(rf"(?:撞|烧|砸|压|炸|熏|淹|轧)死{_N}\s*(?:人|名)")
# the outcome of those rescued or treated, listed by kind in one sentence, adds up: 17名经抢救后
# 已脱险，3名正在抢救中 → 20; 42人出院，19人留院治疗 → 61. A 其中 count is part of one before it.
_TREATED = re.compile(
    rf"(?<!其中){_WHOLE}{_N}{_WHO}"
    r"(?:(?P<saved>经(?:抢救|救治|治疗)后?(?:均|已|均已)?脱险|(?:均|已|均已)?脱离(?:生命)?危险)"
    r"|(?P<discharged>(?:已|治愈|康复)?出院)"
    r"|(?P<care>正在抢救|仍在抢救|抢救中|正在救治|仍在救治|留院(?:治疗|观察)|住院(?:治疗|观察)"
    r"|仍在医院))")
_TREATED_WORD = re.compile("脱险|脱离|出院|在抢救|抢救中|在救治|留院|住院|仍在医院")
_INJURY_KIND_WORD = re.compile("重伤|轻伤|轻微伤")
# hurt people who died after treatment: 另1名乘客经抢救无效死亡, 其中2人经抢救无效死亡
_DIED_LATER = re.compile(
    rf"(?:其中|另有|另|又有|又){_N}\s*(?:人|名|位)[^\s,，。；;\d死亡]{{0,12}}?"
    r"(?:经(?:抢救|医治|救治)无效|抢救无效|医治无效|不治)")
# background: a sentence opening on an earlier month or year (今年2月，…; 去年…) tells of other
# events, as Chinese news does after the main one
# (matched with the mark that ends the sentence before: a text to search starts with "\n")
_BACKGROUND = re.compile(
    r"[。！？!?\n][ \t\u3000]*"
    r"(?:(?:(?:\d{4}年|今年|去年|前年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:份|初|上旬|中旬|下旬|底|末)?,)|去年|前年)[^。！？!?\n]*")
# one victim without a count, when no injury count was found: 撞伤了骑车的男孩, 头部受伤,
# 被送往医院抢救
_HURT_ONE = re.compile(
    rf"[撞砸烧炸轧压砍刺咬烫]伤(?<![未没无免止]..)(?:了)?(?!\s*(?:{NUMBER})\s*(?:人|名|位|个)"
    r"|多|数|几|若干|众|大批|一批|人数)")
_BODY_HURT = re.compile(
    r"[头腿脚手臂胸腰背颈面脸腹眼]部(?:多处)?(?:严重|轻微)?(?:受伤|受了伤|擦伤|划伤|烧伤|烫伤)")
_TO_HOSPITAL = re.compile(
    r"送(?:往|到|至|进)[^\s,，。；;、\d]{0,8}?医院(?:进行|接受)?(?:救治|抢救|治疗|急救)"
    rf"{_NOT_DIED}")
# a sentence about more than one person: 两名女子, 50多名, 学生们
_PLURAL = re.compile(
    r"[多数几余百千]\s*(?:名|人|位|个)|们|大批|众多"
    r"|(?<![\d零〇一二两三四五六七八九十百千])(?:[2-9]|\d{2,}|[两二三四五六七八九十])\s*(?:名|人|位)")
_ENDS = "。！？!?\n"
_NONE_HURT = re.compile(r"(?:无|没有|未造成|未有|未发生|未致)(?:人员)?(?:伤亡|死亡)")
# nobody hurt (so no one victim is guessed): 无人伤亡, 未造成人员受伤
_NONE_INJURED = re.compile(r"(?:无|没有|未造成|未有|未发生|未致)(?:人员|人)?(?:伤亡|受伤)")
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
    return _may_tell_casualties(text) or "经济损失" in text


def _may_tell_casualties(text: str) -> bool:
    return (_ANY_CASUALTY_CHAR.search(text) is not None
            and _ANY_CASUALTY.search(text) is not None)


def extract_casualties(text: str, *, normalized: bool = False) -> Casualties:
    """The largest death, injury and missing counts the text reports (news updates rise) about
    its main event (sentences of background on earlier events are left out unless nothing else
    gives a count); ``normalized`` as for ``may_state_facts``."""
    text = text if normalized else normalize(text)
    if not _may_tell_casualties(text):
        return Casualties()
    if "月," in text or "去年" in text or "前年" in text:
        marked = "\n" + text
        if _BACKGROUND.search(marked):
            found = _casualties(_BACKGROUND.sub(_blank, marked)[1:])
            if found.deaths or found.injured or found.missing:
                return found
    return _casualties(text)


def _blank(match: re.Match) -> str:
    """The sentence as spaces, after the mark that ended the one before."""
    return match.group(0)[0] + " " * (len(match.group(0)) - 1)


def _casualties(text: str) -> Casualties:
    found = Casualties()
    at: dict[str, int] = {}  # where the count each kind has now was stated
    for kind, pattern, needs in _PATTERNS:
        if not all(any(word in text for word in group) for group in needs):
            continue
        for match in pattern.finditer(text):
            if kind == "pair":
                deaths, injured = parse_count(match["d"]), parse_count(match["i"])
                if deaths is None or injured is None:
                    continue
                _raise(found, "deaths", deaths, match.group(0), at, match.start())
                _raise(found, "injured", injured, match.group(0), at, match.start())
                continue
            count = parse_count(match["n"])
            if count is not None and count < 100_000:
                _raise(found, kind, count, match.group(0), at, match.start())
    for match in _KILLED_N.finditer(text) if "死" in text else ():
        if (count := parse_count(match["n"])) is not None:
            _raise(found, "deaths", count, match.group(0), at, match.start())
    if found.deaths == 0 and ("当场" in text or "不幸" in text) and (
            match := _ONE_DEATH.search(text)):
        _raise(found, "deaths", 1, match.group(0), at, match.start())
    # kinds of injury, or outcomes of those rescued, listed in one sentence add up (only the
    # sentences with their words are read); adding up kinds of injury needs two kinds in one
    # sentence, so two in the text
    kinds = ("重伤" in text) + ("轻伤" in text) + ("轻微伤" in text)
    for start, end in _sentences_with(_INJURY_KIND_WORD, text) if kinds >= 2 else ():
        by_kind = _by_kind(_INJURY_KIND, text[start:end])
        if len(by_kind) > 1:
            _raise(found, "injured", sum(by_kind.values()), text[start:end].strip()[:40],
                   at, end)
    for start, end in _sentences_with(_TREATED_WORD, text):
        by_kind = _by_kind(_TREATED, text[start:end])
        for kind in ("saved", "care"):  # alone, 出院 need not follow harm
            if kind in by_kind:
                _raise(found, "injured", by_kind[kind], text[start:end].strip()[:40], at, start)
        if len(by_kind) > 1:
            _raise(found, "injured", sum(by_kind.values()), text[start:end].strip()[:40], at, end)
    # the hurt who died after treatment are dead, not hurt, once the injury count came before
    if found.injured and ("无效" in text or "不治" in text):
        died = [(parse_count(m["n"]) or 0, m.start()) for m in _DIED_LATER.finditer(text)]
        later = max((n for n, where in died if where > at["injured"]), default=0)
        if 0 < later <= found.injured:
            found.injured -= later
            found.evidence.append(f"injured-{later}: died after treatment")
    if found.injured == 0 and not _NONE_INJURED.search(text):
        _one_hurt(found, text)
    return found


def _by_kind(pattern: re.Pattern, sentence: str) -> dict[str, int]:
    """The largest count of each kind the pattern finds in the sentence (its group ``kind``,
    else the name of the group that matched last)."""
    by_kind: dict[str, int] = {}
    for match in pattern.finditer(sentence):
        if (count := parse_count(match["n"])) is not None:
            kind = match.groupdict().get("kind") or match.lastgroup
            by_kind[kind] = max(by_kind.get(kind, 0), count)
    return by_kind


def _sentences_with(words: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Where the sentences that have one of the words start and end, each once."""
    spans: list[tuple[int, int]] = []
    for match in words.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        spans.append((_sentence_start(text, match.start()), _sentence_end(text, match.start())))
    return spans


def _sentence_start(text: str, where: int) -> int:
    return max(text.rfind(mark, 0, where) for mark in _ENDS) + 1


def _sentence_end(text: str, where: int) -> int:
    ends = [text.find(mark, where) for mark in _ENDS]
    return min((end for end in ends if end >= 0), default=len(text))


def _one_hurt(found: Casualties, text: str) -> None:
    """One victim hurt, told without a count: 撞伤了骑车的男孩, 头部受伤, 被送往医院抢救 (in a
    sentence about no more than one person)."""
    if "伤" in text:
        match = _HURT_ONE.search(text) or _BODY_HURT.search(text)
        if match:
            _raise(found, "injured", 1, match.group(0))
            return
    if "医" in text or "院" in text:
        for match in _TO_HOSPITAL.finditer(text):
            sentence = text[_sentence_start(text, match.start()):_sentence_end(text, match.end())]
            if not _PLURAL.search(sentence):
                _raise(found, "injured", 1, match.group(0))
                return


def _raise(found: Casualties, kind: str, count: int, evidence: str,
           at: dict[str, int] | None = None, where: int = 0) -> None:
    if count > getattr(found, kind):
        setattr(found, kind, count)
        found.evidence.append(evidence)
        if at is not None:
            at[kind] = where


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
