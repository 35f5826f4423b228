"""Flood and drought facts: labels, typhoon names, rivers, supplies, and the slot functions."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers, vocab_places
from classifiers.seedgen.core import Slots

FLOOD = ("flood_drought",)
FLOOD_RELIEF = ("flood_drought", "relief_supplies")

TYPHOON_NAMES = ("青鸾", "海鹰", "白鹭", "云雀", "赤鲸", "石斑", "银杏", "玉兰", "雪雁", "金鲳",
                 "海螺", "竹蜻")
LEVELS = ("Ⅳ级", "Ⅲ级", "Ⅱ级", "四级", "三级")
COLORS = ("蓝色", "黄色", "橙色", "红色")
RIVERS = {
    "广东": ("西江", "北江", "东江", "韩江"), "广西": ("西江", "柳江", "郁江", "桂江"),
    "湖南": ("湘江", "资水", "沅江", "澧水"), "江西": ("赣江", "抚河", "信江", "修河"),
    "湖北": ("汉江", "长江", "清江"), "四川": ("岷江", "嘉陵江", "沱江", "涪江"),
    "重庆": ("长江", "嘉陵江", "乌江"), "贵州": ("乌江", "清水江"), "安徽": ("淮河", "长江", "水阳江"),
    "江苏": ("长江", "淮河", "秦淮河"), "浙江": ("钱塘江", "瓯江", "曹娥江"),
    "福建": ("闽江", "九龙江", "晋江"), "河南": ("淮河", "沙颍河", "卫河"), "河北": ("滹沱河", "漳河", "滦河"),
    "山东": ("沂河", "沭河", "小清河"), "山西": ("汾河", "沁河"), "陕西": ("渭河", "汉江", "无定河"),
    "甘肃": ("白龙江", "渭河", "洮河"), "黑龙江": ("松花江", "嫩江"), "吉林": ("松花江", "饮马河"),
    "辽宁": ("辽河", "浑河", "太子河"), "北京": ("永定河", "拒马河"), "天津": ("海河", "蓟运河"),
    "上海": ("黄浦江",), "云南": ("南盘江", "金沙江"), "海南": ("南渡江", "万泉河"),
}
ZHUHAI_RIVERS = ("磨刀门水道", "黄杨河", "虎跳门水道", "鸡啼门水道")
FLAT = ("天津", "上海")
SUPPLIES = ("帐篷", "折叠床", "棉被", "棉大衣", "家庭应急包", "睡袋", "毛毯", "移动厕所",
            "照明灯", "发电机", "冲锋舟", "饮用水", "方便食品")
def rain_slots(rng: Random) -> Slots:
    s = vocab_events.base(rng, none_share=0.7, dead_max=2, injured_max=4, missing_share=0.1,
                          disaster=True)
    s.update(mm=str(rng.randint(80, 420)), hours=vocab_numbers.num(rng, rng.randint(1, 12)),
             roads=str(rng.randint(3, 60)), cars=str(rng.randint(5, 300)),
             evac=vocab_numbers.rounded(rng, 50, 20000), color=rng.choice(COLORS[1:]),
             level=rng.choice(LEVELS), ahead=rng.choice(("6", "12", "24", "48")),
             river=rng.choice(ZHUHAI_RIVERS if s["zhuhai"] else RIVERS.get(s["prov"], ("境内河流",))),
             depth=rng.choice(("没过膝盖", "没过车轮", "齐腰深", "近1米", "半米多")))
    return s


def slope_slots(rng: Random) -> Slots:
    s = rain_slots(rng)
    while s["prov"] in FLAT:
        s = rain_slots(rng)
    return s


def typhoon_slots(rng: Random) -> Slots:
    s = rain_slots(rng)
    s.update(vocab_places.coastal_place(rng))
    s.update(typhoon=f"“{rng.choice(TYPHOON_NAMES)}”", no=f"第{rng.randint(1, 22)}号台风",
             force=str(rng.randint(10, 16)), boats=vocab_numbers.rounded(rng, 200, 8000),
             speed=str(rng.randint(28, 52)))
    return s


def flood_slots(rng: Random) -> Slots:
    """Flood slots: rain, river, evacuation and supply numbers."""
    s = rain_slots(rng)
    s.update(over=f"{rng.randint(1, 350) / 100:.2f}米", sites=str(rng.randint(3, 90)),
             supplies="、".join(rng.sample(SUPPLIES, 3)), pieces=vocab_numbers.rounded(rng, 500, 60000),
             people=vocab_numbers.rounded(rng, 1000, 300000))
    return s


def drought_slots(rng: Random) -> Slots:
    s = flood_slots(rng)
    s.update(days=str(rng.randint(40, 160)), crops=str(rng.randint(2, 60)),
             thirsty=vocab_numbers.rounded(rng, 2000, 90000), pct=str(rng.randint(30, 90)))
    return s
