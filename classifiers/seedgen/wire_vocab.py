"""Vocabulary of wire-style one-sentence news: foreign places, attributions, dates, companies.

Wire items are the short event sentences of news feeds and agency copy (a headline, or one
sentence of 40–120 characters), at home and abroad. Everything here is general vocabulary; the
names of people and companies are invented.
"""

from random import Random

from classifiers.seedgen import vocab_numbers, vocab_people, vocab_places, vocab_times
from classifiers.seedgen.core import Scenario, Slots

# country, its cities or regions (several per country, so no place marks one class)
COUNTRIES = (
    ("美国", ("纽约", "洛杉矶", "芝加哥", "休斯敦", "得克萨斯州", "加利福尼亚州", "佛罗里达州",
              "俄亥俄州", "密苏里州", "亚拉巴马州")),
    ("英国", ("伦敦", "曼彻斯特", "伯明翰", "苏格兰", "利物浦")),
    ("法国", ("巴黎", "马赛", "里昂", "波尔多")),
    ("德国", ("柏林", "汉堡", "慕尼黑", "法兰克福")),
    ("意大利", ("罗马", "米兰", "那不勒斯", "西西里岛")),
    ("西班牙", ("马德里", "巴塞罗那", "瓦伦西亚")),
    ("俄罗斯", ("莫斯科", "圣彼得堡", "西伯利亚地区", "车里雅宾斯克州")),
    ("日本", ("东京", "大阪", "北海道", "福冈县", "京都", "神奈川县")),
    ("韩国", ("首尔", "釜山", "仁川", "大邱")),
    ("印度", ("新德里", "孟买", "北方邦", "比哈尔邦", "喀拉拉邦", "古吉拉特邦")),
    ("巴基斯坦", ("卡拉奇", "拉合尔", "俾路支省")),
    ("孟加拉国", ("达卡", "吉大港")),
    ("印度尼西亚", ("雅加达", "苏门答腊岛", "爪哇岛", "苏拉威西岛")),
    ("菲律宾", ("马尼拉", "棉兰老岛", "宿务")),
    ("越南", ("河内", "胡志明市", "岘港")),
    ("泰国", ("曼谷", "清迈", "普吉岛")),
    ("马来西亚", ("吉隆坡", "槟城", "沙巴州")),
    ("巴西", ("圣保罗", "里约热内卢", "米纳斯吉拉斯州")),
    ("墨西哥", ("墨西哥城", "瓜达拉哈拉", "韦拉克鲁斯州")),
    ("阿根廷", ("布宜诺斯艾利斯", "科尔多瓦")),
    ("智利", ("圣地亚哥", "瓦尔帕莱索")),
    ("秘鲁", ("利马", "库斯科")),
    ("尼日利亚", ("拉各斯", "阿布贾")),
    ("南非", ("约翰内斯堡", "开普敦", "德班")),
    ("埃及", ("开罗", "亚历山大")),
    ("土耳其", ("伊斯坦布尔", "安卡拉", "伊兹密尔")),
    ("伊朗", ("德黑兰", "伊斯法罕")),
    ("澳大利亚", ("悉尼", "墨尔本", "昆士兰州", "新南威尔士州")),
    ("加拿大", ("多伦多", "温哥华", "魁北克省", "不列颠哥伦比亚省")),
    ("肯尼亚", ("内罗毕", "蒙巴萨")),
    ("尼泊尔", ("加德满都", "博卡拉")),
    ("缅甸", ("仰光", "曼德勒")),
    ("斯里兰卡", ("科伦坡", "康提")),
    ("希腊", ("雅典", "克里特岛")),
    ("哥伦比亚", ("波哥大", "麦德林")),
    ("乌克兰", ("基辅", "哈尔科夫")),
    ("波兰", ("华沙", "克拉科夫")),
    ("荷兰", ("阿姆斯特丹", "鹿特丹")),
)
FOREIGN_MEDIA = (
    "据外媒报道", "据当地媒体报道", "据新华社报道", "据央视新闻报道", "据美联社报道",
    "据路透社报道", "据法新社报道", "综合外媒报道", "据环球网报道", "据中新网报道",
    "据英国广播公司报道", "据当地电视台报道", "据《每日邮报》报道", "据日本共同社报道",
)
HOME_MEDIA = (
    "记者从{city}市有关部门获悉", "据{city}警方通报", "{city}交警发布警情通报", "据央视新闻消息",
    "据{prov}日报报道", "据新华社消息", "记者今天从{city}获悉", "据澎湃新闻报道",
    "据当地媒体报道", "据{city}发布消息", "据红星新闻报道", "据中国新闻网报道",
)
AGENCIES = ("警方", "交警部门", "市政府新闻办", "应急管理部门", "消防部门", "当地政府")
COMPANY_HEADS = ("星", "华", "远", "博", "云", "明", "安", "泰", "嘉", "瑞", "恒", "新", "汇",
                 "鼎", "创", "联", "科", "盛", "通", "达", "卓", "宏", "启", "锐", "凌")
COMPANY_TAILS = ("科技", "集团", "股份", "网络", "生物", "汽车", "电子", "传媒", "新材料", "控股",
                 "智能", "医药", "物流", "能源", "软件", "食品", "文化", "影业")
BRANDS = ("某国产品牌", "某新势力品牌", "一家德系品牌", "某美系品牌", "某日系品牌", "一家韩系品牌",
          "某合资品牌", "某豪华品牌")
ROLES = ("歌手", "演员", "导演", "主持人", "网红博主", "说唱歌手", "模特", "作家", "喜剧演员")
ATHLETE_ROLES = ("球星", "前锋", "中场球员", "后卫", "网球选手", "拳击手", "赛车手", "短跑名将",
                 "游泳名将", "羽毛球选手", "乒乓球选手", "高尔夫球手")
CLUBS = ("皇马", "巴萨", "曼联", "曼城", "利物浦", "切尔西", "阿森纳", "拜仁", "多特蒙德", "尤文",
         "国米", "AC米兰", "巴黎圣日耳曼", "湖人", "勇士", "凯尔特人", "火箭", "热火", "雄鹿",
         "广州队", "上海海港", "山东泰山", "北京国安", "浙江队", "辽宁男篮", "广东男篮",
         "新疆男篮", "深圳男篮", "浙江广厦", "上海男篮", "成都蓉城", "武汉三镇")


def company(rng: Random) -> str:
    """An invented company name: 星远科技, 嘉瑞汽车."""
    return rng.choice(COMPANY_HEADS) + rng.choice(COMPANY_HEADS) + rng.choice(COMPANY_TAILS)


def foreign_time(rng: Random) -> str:
    """当地时间12日, 当地时间8月3日晚, 本周二 ..."""
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice((f"当地时间{d}日", f"当地时间{m}月{d}日", f"当地时间{d}日晚",
                       f"当地时间{d}日上午", f"当地时间周{rng.choice(vocab_times.WEEKDAYS)}",
                       f"{m}月{d}日", f"{d}日", "近日", "日前", "当地时间本周"))


def wire_slots(rng: Random) -> Slots:
    """Slots every wire scenario may use: home and foreign place, dates, sources, names."""
    s = vocab_places.place(rng)
    country, cities = rng.choice(COUNTRIES)
    clubs = rng.sample(CLUBS, 2)
    s.update(
        country=country, fcity=rng.choice(cities), ftime=foreign_time(rng),
        fsrc=rng.choice(FOREIGN_MEDIA), time=vocab_times.when(rng),
        day=vocab_times.when_soft(rng), hsrc="", agency=rng.choice(AGENCIES),
        road=rng.choice(vocab_places.ZHUHAI_ROADS if s["zhuhai"] else vocab_places.ROADS),
        highway=rng.choice(vocab_places.HIGHWAYS), village=rng.choice(vocab_places.VILLAGES),
        who=vocab_people.person(rng), name=vocab_people.full_name(rng),
        name2=vocab_people.full_name(rng), company=company(rng), company2=company(rng),
        brand=rng.choice(BRANDS), role=rng.choice(ROLES), arole=rng.choice(ATHLETE_ROLES),
        club=clubs[0], club2=clubs[1], age=str(rng.randint(19, 88)),
        n=str(rng.randint(2, 9)), n_cn=vocab_numbers.num(rng, rng.randint(2, 9), cn_share=0.6),
        mid=str(rng.randint(11, 95)), big=vocab_numbers.rounded(rng, 100, 90000),
        wan=str(rng.randint(1, 30)), yi=f"{rng.randint(2, 900) / 10:.1f}".removesuffix(".0"),
        pct=f"{rng.randint(3, 480) / 10:.1f}".removesuffix(".0"), year=str(rng.randint(2015, 2024)),
        month=str(rng.randint(1, 12)), dd=str(rng.randint(1, 28)),
    )
    s["hsrc"] = rng.choice(HOME_MEDIA).format(city=s["city"], prov=s["prov"])
    return s


def dead_injured(rng: Random, dead_max: int = 9, injured_max: int = 30) -> Slots:
    """Casualty phrases of wire copy: `cas` (clause), `cash` (headline form)."""
    d, i = rng.randint(1, dead_max), rng.randint(1, injured_max)
    if rng.random() < 0.1:
        d = rng.randint(dead_max + 1, dead_max * 4)
    dn, in_ = vocab_numbers.num(rng, d), vocab_numbers.num(rng, i)
    kind = rng.choices(("dead", "both", "injured", "none", "missing"), (30, 30, 20, 12, 8))[0]
    cas = {"dead": (f"造成{dn}人死亡", f"致{dn}人身亡", f"{dn}人不幸遇难", f"已致{dn}人死亡",
                    f"目前已造成至少{d}人死亡", f"{dn}人当场死亡"),
           "both": (f"造成{dn}人死亡、{in_}人受伤", f"致{d}死{i}伤", f"已造成{d}人死亡{i}人受伤",
                    f"{dn}人死亡，另有{in_}人受伤", f"造成至少{d}人死亡、多人受伤"),
           "injured": (f"造成{in_}人受伤", f"致{in_}人受伤送医", f"{in_}人不同程度受伤",
                       "多人受伤", f"{in_}人受伤，其中{dn}人伤势较重"),
           "none": ("所幸无人员伤亡", "未造成人员伤亡", "暂无人员伤亡报告", "没有造成人员伤亡"),
           "missing": (f"{dn}人失踪", f"仍有{dn}人下落不明", f"造成{dn}人死亡、多人失踪")}[kind]
    head = {"dead": (f"致{d}人死亡", f"{d}人遇难", f"{d}人身亡", f"{d}死"),
            "both": (f"致{d}死{i}伤", f"{d}死{i}伤", f"已致{d}人死亡"),
            "injured": (f"{i}人受伤", f"致{i}人伤", "多人受伤"),
            "none": ("无人伤亡", "暂无伤亡", "无人员伤亡"),
            "missing": (f"{d}人失踪", f"{d}人下落不明")}[kind]
    return {"cas": rng.choice(cas), "cash": rng.choice(head)}


def wire(name: str, topics: tuple[str, ...], slots, heads, leads, weight: int = 10) -> Scenario:
    """A wire scenario: headline templates and one-sentence lead templates, no article body."""
    return Scenario(name, topics, slots, tuple(heads), tuple(leads), (), weight)
