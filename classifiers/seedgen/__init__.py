"""Seed training corpus of the classifiers: our own invented news, generated deterministically."""

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from random import Random

from classifiers.seedgen.core import ARTICLE, HEADLINE, LEAD, STYLES, Bucket, style_of

SEED = 20240617
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "seed" / "corpus.jsonl"

TOPICS = (
    "production_safety", "large_enterprise", "hazardous_chemicals", "fire", "flood_drought",
    "relief_supplies", "online_opinion", "petition_complaint", "mass_incident",
    "ideological_security",
)
MINIMUMS = {
    "fire": 300, "production_safety": 300, "hazardous_chemicals": 300, "flood_drought": 300,
    "relief_supplies": 300, "mass_incident": 300, "online_opinion": 120,
    "petition_complaint": 120, "large_enterprise": 120, "ideological_security": 40,
    "irrelevant": 4000,
}
MIN_IRRELEVANT_KINDS = 15
_ATTEMPTS = 400
_NOT_TEXT = re.compile(r"[\s\W_]+")


IRRELEVANT_PER_KIND = 223


def buckets() -> list[Bucket]:
    """Every block of the corpus, relevant topics first, then the kinds of irrelevant news."""
    from classifiers.seedgen import (
        chemicals,
        enterprise,
        fire,
        flood,
        hand_disasters,
        hand_extra,
        hand_irrelevant_a,
        hand_irrelevant_b,
        hand_irrelevant_c,
        hand_irrelevant_d,
        hand_more,
        hand_nature,
        hand_social,
        irrelevant_business,
        irrelevant_daily,
        irrelevant_markets,
        irrelevant_media,
        irrelevant_public,
        irrelevant_science,
        irrelevant_sports,
        mass,
        opinion,
        petition,
        relief,
        safety,
    )

    hd, hn, hs, hx = hand_disasters, hand_nature, hand_social, hand_extra
    more, more_irrelevant = hand_more.by_block()
    relevant = [
        Bucket("fire", True, 355, fire.SCENARIOS, hd.FIRE + hx.FIRE),
        Bucket("production_safety", True, 430, (*safety.SCENARIOS, enterprise.BIG_ACCIDENT),
               hd.SAFETY + hx.SAFETY_WATCH + hx.SAFETY_PUBLIC_ARTICLES),
        Bucket("hazardous_chemicals", True, 330, chemicals.SCENARIOS,
               hd.CHEMICALS + hd.CHEM_FIRE),
        Bucket("flood_drought", True, 360, flood.SCENARIOS,
               hn.FLOOD + hn.FLOOD_RELIEF + hx.FLOOD),
        Bucket("relief_supplies", True, 330, relief.SCENARIOS, hn.RELIEF + hx.RELIEF),
        Bucket("mass_incident", True, 360, mass.SCENARIOS,
               hs.MASS + hs.MASS_PETITION + hs.MASS_SAFETY + hx.MASS),
        Bucket("large_enterprise", True, 130, enterprise.SCENARIOS, hd.BIG + hd.SAFETY_BIG),
        Bucket("online_opinion", True, 140, opinion.OPINION_SCENARIOS,
               hs.OPINION + hs.OPINION_MULTI),
        Bucket("petition_complaint", True, 140, petition.SCENARIOS,
               hs.PETITION + hs.PETITION_MULTI),
        Bucket("ideological_security", True, 44, opinion.IDEOLOGY_SCENARIOS, hs.IDEOLOGY),
    ]
    relevant = [_grown(bucket, more.pop(bucket.prefix, [])) for bucket in relevant]
    if more:
        raise ValueError(f"hand_more has items of topics without a block: {sorted(more)}")
    kinds = {kind: scenarios
             for module in (irrelevant_markets, irrelevant_sports, irrelevant_media,
                            irrelevant_science, irrelevant_business, irrelevant_public,
                            irrelevant_daily)
             for kind, scenarios in module.KINDS.items()}
    handwritten = {name.lower(): items
                   for module in (hand_irrelevant_a, hand_irrelevant_b, hand_irrelevant_c,
                                  hand_irrelevant_d)
                   for name, items in vars(module).items()
                   if name.isupper() and isinstance(items, list)}
    for name, extra in (("hand_extra.IRRELEVANT", hx.IRRELEVANT),
                        ("hand_more.KIND_OF", more_irrelevant)):
        if unknown := set(extra) - set(kinds):
            raise ValueError(f"{name} names unknown kinds: {sorted(unknown)}")
    irrelevant = [_grown(Bucket(f"irr-{kind}", False, IRRELEVANT_PER_KIND, scenarios,
                                handwritten[kind] + hx.IRRELEVANT.get(kind, [])),
                         more_irrelevant.get(kind, []))
                  for kind, scenarios in kinds.items()]
    return relevant + irrelevant + wire_buckets()


def _grown(bucket: Bucket, items: list) -> Bucket:
    """The bucket with more handwritten items and as many more items in all."""
    if not items:
        return bucket
    return replace(bucket, count=bucket.count + len(items),
                   handwritten=(*bucket.handwritten, *items))


WIRE_STYLES = (0.45, 0.55, 0.0)  # headlines and one-sentence leads, like agency copy


def wire_buckets() -> list[Bucket]:
    """Blocks of wire-style one-sentence news: accidents, disasters and unrest, and many more
    irrelevant event sentences (sports, markets, people, law, attacks, politics, metaphors)."""
    from classifiers.seedgen import (
        hand_extra,
        wire_accidents,
        wire_disasters,
        wire_irr_business,
        wire_irr_law,
        wire_irr_people,
        wire_irr_public,
        wire_mass,
    )

    relevant = [
        Bucket("production_safety", True, WIRE_SIZES["production_safety"],
               wire_accidents.SAFETY_SCENARIOS, hand_extra.SAFETY_WIRE + hand_extra.SAFETY_PUBLIC,
               style_share=WIRE_STYLES, part="wire"),
        Bucket("hazardous_chemicals", True, WIRE_SIZES["hazardous_chemicals"],
               wire_accidents.CHEM_SCENARIOS, style_share=WIRE_STYLES, part="wire"),
        Bucket("fire", True, WIRE_SIZES["fire"], wire_disasters.FIRE_SCENARIOS,
               hand_extra.FIRE_WIRE, style_share=WIRE_STYLES, part="wire"),
        Bucket("flood_drought", True, WIRE_SIZES["flood_drought"],
               wire_disasters.FLOOD_SCENARIOS, style_share=WIRE_STYLES, part="wire"),
        Bucket("relief_supplies", True, WIRE_SIZES["relief_supplies"],
               wire_disasters.QUAKE_SCENARIOS, style_share=WIRE_STYLES, part="wire"),
        Bucket("mass_incident", True, WIRE_SIZES["mass_incident"], wire_mass.MASS_SCENARIOS,
               hand_extra.MASS_WIRE, style_share=WIRE_STYLES, part="wire"),
    ]
    kinds = {kind: scenarios
             for module in (wire_irr_business, wire_irr_people, wire_irr_law, wire_irr_public)
             for kind, scenarios in module.SCENARIOS.items()}
    irrelevant = [Bucket(f"irr-{kind}", False, WIRE_SIZES[kind], scenarios,
                         style_share=WIRE_STYLES)
                  for kind, scenarios in kinds.items()]
    return relevant + irrelevant


WIRE_SIZES = {
    "production_safety": 950, "hazardous_chemicals": 180, "fire": 405, "flood_drought": 300,
    "relief_supplies": 160, "mass_incident": 585,
    "wsports": 550, "wmarkets": 450, "wcorp": 400, "wproducts": 350, "wshowbiz": 400,
    "wlife": 400, "wdeath": 650, "wjustice": 600, "wregulator": 450, "wattack": 450,
    "wmissing": 200, "wpolitics": 450, "wfigurative": 400, "wmisc": 400,
}


def content_key(title: str, text: str) -> str:
    """What two items must not share: their wording without spaces and punctuation."""
    return _NOT_TEXT.sub("", text or title)


def _style_plan(bucket: Bucket, handwritten_styles: Counter, rng: Random) -> list[str]:
    wanted = {style: round(share * bucket.count)
              for style, share in zip(STYLES, bucket.style_share, strict=True)}
    plan = []
    for style in STYLES:
        plan += [style] * max(0, wanted[style] - handwritten_styles[style])
    missing = bucket.count - sum(handwritten_styles.values()) - len(plan)
    plan = plan[:len(plan) + missing] if missing < 0 else plan + [LEAD] * missing
    rng.shuffle(plan)
    return plan


def _row(bucket: Bucket, topics: tuple[str, ...], title: str, text: str) -> dict:
    if bucket.relevant != bool(topics) or any(t not in TOPICS for t in topics):
        raise ValueError(f"{bucket.prefix}: bad labels {topics} for {title or text}")
    return {"title": title, "text": text, "relevant": bucket.relevant, "topics": list(topics)}


def build_bucket(bucket: Bucket, seen: set[str], first: int = 1) -> list[dict]:
    """The items of one bucket: its handwritten ones plus templated ones up to its size."""
    rng = Random(f"{SEED}:{bucket.prefix}" + (f":{bucket.part}" if bucket.part else ""))
    rows = []
    styles: Counter = Counter()
    for item in bucket.handwritten:
        style = style_of(item.title, item.text)
        key = content_key(item.title, item.text)
        if style is None:
            raise ValueError(f"{bucket.prefix}: handwritten item fits no style: {item}")
        if key in seen:
            raise ValueError(f"{bucket.prefix}: duplicate handwritten item: {item}")
        seen.add(key)
        styles[style] += 1
        rows.append(_row(bucket, item.topics, item.title, item.text))
    weights = [s.weight for s in bucket.scenarios]
    for style in _style_plan(bucket, styles, rng):
        for _ in range(_ATTEMPTS):
            scenario = rng.choices(bucket.scenarios, weights=weights)[0]
            title, text = scenario.render(style, rng)
            key = content_key(title, text)
            if style_of(title, text) == style and key not in seen:
                seen.add(key)
                rows.append(_row(bucket, scenario.topics, title, text))
                break
        else:
            raise RuntimeError(f"{bucket.prefix}: no new {style} after {_ATTEMPTS} attempts")
    rng.shuffle(rows)
    return [{"id": f"{bucket.prefix}-{n:04d}", **row} for n, row in enumerate(rows, first)]


def build() -> list[dict]:
    """The whole corpus, in a fixed order."""
    seen: set[str] = set()
    rows = []
    numbered: Counter = Counter()
    for bucket in buckets():
        rows += build_bucket(bucket, seen, first=numbered[bucket.prefix] + 1)
        numbered[bucket.prefix] += bucket.count
    return rows


def counts(rows: list[dict]) -> Counter:
    """Items per topic label, plus `irrelevant`, per irrelevant kind and per length style."""
    tally: Counter = Counter()
    for row in rows:
        for topic in row["topics"]:
            tally[topic] += 1
        if not row["relevant"]:
            tally["irrelevant"] += 1
            tally["kind:" + row["id"].rsplit("-", 1)[0].removeprefix("irr-")] += 1
        tally["style:" + (style_of(row["title"], row["text"]) or "none")] += 1
    return tally


def check(rows: list[dict]) -> None:
    """Raise when the corpus misses a minimum count or has fewer irrelevant kinds than asked."""
    tally = counts(rows)
    short = {k: (tally[k], n) for k, n in MINIMUMS.items() if tally[k] < n}
    kinds = sum(1 for k in tally if k.startswith("kind:"))
    if short or kinds < MIN_IRRELEVANT_KINDS:
        raise RuntimeError(f"corpus too small: {short}, {kinds} irrelevant kinds")


def write(path: Path = DEFAULT_PATH) -> list[dict]:
    """Build, check and write the corpus as JSON lines; return its rows."""
    rows = build()
    check(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


__all__ = ["ARTICLE", "HEADLINE", "LEAD", "TOPICS", "MINIMUMS", "build", "counts", "write"]
