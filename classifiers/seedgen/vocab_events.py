"""Event vocabulary: casualty wording, follow-up sentences, and the slots event stories share."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.vocab_numbers import amount_wan, count_cn, num
from classifiers.seedgen.vocab_people import person
from classifiers.seedgen.vocab_places import (
    COMMUNITIES,
    HIGHWAYS,
    ROADS,
    VILLAGES,
    ZHUHAI_ROADS,
    place,
)
from classifiers.seedgen.vocab_times import when, when_soft


def casualties(rng: Random, who: str = "人", dead_max: int = 4, injured_max: int = 12,
               none_share: float = 0.35, missing_share: float = 0.08,
               disaster: bool = False) -> Slots:
    """Casualty wording in the forms news uses: `cas` (clause), `cas_head`, `cas_after`."""
    kinds = ("none", "injured", "dead", "dead_injured", "missing")
    kind = rng.choices(kinds, weights=(none_share, 0.25, 0.17, 0.15, missing_share))[0]
    d = rng.randint(1, dead_max)
    if rng.random() < 0.08:
        d = rng.randint(dead_max + 1, dead_max * 3 + 2)
    i = rng.randint(1, injured_max)
    m = rng.randint(1, 3)
    ds, is_, ms = num(rng, d), num(rng, i), num(rng, m)
    who_n = f"{count_cn(d) if d <= 10 else d}名{who}" if who != "人" else f"{ds}人"
    if kind == "none":
        cas = rng.choice(("无人员伤亡", "未造成人员伤亡", "所幸无人员伤亡", "暂无人员伤亡报告",
                          "事故未造成人员伤亡", "未发现人员伤亡", "没有造成人员伤亡"))
        head = rng.choice(("无人员伤亡", "未造成人员伤亡", "无人伤亡", "暂无伤亡"))
        after = rng.choice(("现场未发现被困人员。", "经排查，现场无人员被困。",
                            "事发时现场人员已及时撤离。", "所幸处置及时，没有人员受伤。"))
        if disaster:
            cas = rng.choice(("暂无人员伤亡报告", "未造成人员伤亡", "目前暂未收到人员伤亡报告",
                              "所幸没有造成人员伤亡"))
            after = rng.choice(("目前灾情正在进一步核查中。", "当地正在组织力量核查灾情。",
                                "各地正在逐户排查受灾情况。"))
    elif kind == "injured":
        cas = rng.choice((f"造成{is_}人受伤", f"{is_}人不同程度受伤", f"致{is_}人受伤",
                          f"{is_}人受轻伤", f"{i}名{who}受伤" if who != "人" else f"{i}人受伤送医"))
        head = rng.choice((f"{i}人受伤", f"致{i}人受伤", f"{i}人伤"))
        after = rng.choice(("伤者已送医救治。", "伤者已被送往医院救治，均无生命危险。",
                            f"伤者正在医院接受治疗，其中{num(rng, max(1, i // 3))}人伤势较重。"
                            if i >= 3 else "伤者正在医院接受治疗。",
                            "受伤人员生命体征平稳。", "伤者均已送医，暂无生命危险。"))
    elif kind == "dead":
        cas = rng.choice((f"造成{ds}人死亡", f"致{ds}人遇难", f"{ds}人不幸遇难",
                          f"{who_n}当场死亡", f"{ds}人经抢救无效死亡",
                          f"死亡人数已上升至{d}人" if d > 2 else f"{ds}人死亡"))
        head = rng.choice((f"致{d}人死亡", f"{d}人遇难", f"{d}人身亡", f"已致{d}死"))
        after = rng.choice(("遇难者身份正在核实中。", "善后工作正在进行。",
                            "遇难者家属已得到妥善安抚。", "相关善后事宜正在处理。"))
    elif kind == "dead_injured":
        cas = rng.choice((f"造成{ds}人死亡、{is_}人受伤", f"致{d}死{i}伤",
                          f"已致{ds}人遇难、{is_}人受伤", f"{ds}人死亡，{is_}人不同程度受伤",
                          f"造成{ds}人死亡，另有{is_}人受伤",
                          f"死亡人数上升至{d}人，另有{i}人受伤" if d > 2 else f"{d}死{i}伤"))
        head = rng.choice((f"致{d}死{i}伤", f"{d}死{i}伤", f"已致{d}人死亡{i}人受伤"))
        after = rng.choice(("伤者已送医救治。", "伤者正在医院全力救治。",
                            "受伤人员已全部送医。",
                            f"{num(rng, i)}名伤者中有人伤势较重。" if i > 2 else "伤者无生命危险。"))
    else:
        cas = rng.choice((f"{ms}人失联", f"{ms}人下落不明", f"造成{ds}人死亡、{ms}人失联",
                          f"仍有{ms}人失联"))
        head = rng.choice((f"{m}人失联", f"{m}人下落不明", f"仍有{m}人失联"))
        after = rng.choice(("搜救工作仍在进行。", "救援人员正在全力搜寻失联人员。",
                            "失联人员搜救工作正在紧张进行。"))
    return {"cas": cas, "cas_head": head, "cas_after": after}


FOLLOW_UPS = (
    "事故原因正在调查中。", "具体原因正在进一步调查。", "相关部门已介入调查。",
    "事故原因及损失情况正在进一步核查。", "目前，善后工作正在有序进行。",
    "当地已成立事故调查组，对事故原因展开调查。", "涉事单位相关负责人已被控制。",
    "事故具体原因有待调查。", "当地政府已启动应急预案，相关工作正在进行中。",
)


def base(rng: Random, who: str = "人", **casualty_args: float | bool) -> Slots:
    """Slots most event stories share: place, road, time, casualties, follow-up, a witness."""
    slots = place(rng)
    slots.update(casualties(rng, who=who, **casualty_args))
    slots["time"] = when(rng)
    slots["time2"] = when(rng)
    slots["day"] = when_soft(rng)
    slots["road"] = rng.choice(ZHUHAI_ROADS if slots["zhuhai"] else ROADS)
    slots["highway"] = rng.choice(HIGHWAYS)
    slots["village"] = rng.choice(VILLAGES)
    slots["community"] = rng.choice(COMMUNITIES)
    slots["follow"] = rng.choice(FOLLOW_UPS)
    slots["witness"] = person(rng)
    slots["minutes"] = str(rng.choice((20, 30, 40, 50, 60, 90)) + rng.randint(0, 9))
    slots["n_small"] = num(rng, rng.randint(2, 9))
    slots["n_mid"] = str(rng.randint(12, 80))
    slots["n_big"] = str(rng.choice((100, 120, 150, 200, 260, 300, 500, 800)))
    slots["loss"] = "直接经济损失约" + amount_wan(rng)
    return slots
