"""Production-safety stories (安全生产) in transport: road crashes, buses, aircraft, ships."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots

SAFETY = ("production_safety",)

VEHICLES = (
    "大货车", "小轿车", "面包车", "重型半挂车", "渣土车", "旅游大巴", "公交车", "电动自行车",
    "农用三轮车", "SUV", "水泥罐车", "厢式货车", "皮卡车", "长途客车", "混凝土搅拌车", "出租车",
)
BUSES = ("旅游大巴", "长途客车", "中巴车", "接驳车", "通勤班车", "农村客运班车")
ROAD_CAUSES = ("团雾", "路面湿滑", "车辆爆胎", "驾驶员疲劳驾驶", "车辆制动失灵", "超速行驶",
               "强行超车", "路面结冰")
AIRCRAFT = (
    ("一架通航飞机", "执行航拍任务"), ("一架小型飞机", "进行飞行训练"),
    ("一架直升机", "执行电力巡线任务"), ("一架农用飞机", "进行农林喷洒作业"),
    ("一架教练机", "执行训练任务"), ("一架轻型运动飞机", "进行低空飞行"),
    ("一架直升机", "执行转运任务"), ("一架小型飞机", "进行人工增雨作业"),
)
SEA_VESSELS = ("一艘渔船", "一艘货船", "一艘散货船", "一艘拖轮", "一艘渔业辅助船", "一艘交通船")
RIVER_VESSELS = ("一艘货船", "一艘运沙船", "一艘客渡船", "一艘游船", "一艘内河货船", "一艘自卸砂船")
SEA_WATERS = ("附近海域", "近海海域", "外海", "港池附近海域")
ZHUHAI_WATERS = ("附近海域", "珠江口水域", "磨刀门水道", "万山群岛附近海域", "黄茅海水域")
RIVER_WATERS = ("境内河段", "附近江面", "附近水域", "一处水库", "江段", "航道", "湖区")
COASTAL = ("辽宁", "河北", "天津", "山东", "江苏", "上海", "浙江", "福建", "广东", "广西", "海南")


def _road(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="乘客", dead_max=4, injured_max=20, none_share=0.15)
    v1, v2 = rng.sample(VEHICLES, 2)
    if rng.random() < 0.5:
        s.update(spot=f"{s['highway']}{rng.randint(5, 400)}公里处", spot_head=s["highway"])
    else:
        s.update(spot=f"{s['place']}{s['road']}", spot_head=s["loc"])
    s.update(v1=v1, v2=v2, bus=rng.choice(BUSES), pax=str(rng.randint(12, 55)),
             cause=rng.choice(ROAD_CAUSES), cars=str(rng.randint(3, 30)))
    return s


def _air(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="机组人员", dead_max=3, injured_max=2, none_share=0.1)
    craft, task = rng.choice(AIRCRAFT)
    s.update(craft=craft, task=task, aboard=vocab_numbers.num(rng, rng.randint(1, 4)))
    return s


def _ship(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="船员", dead_max=4, injured_max=3, none_share=0.2,
                          missing_share=0.35)
    if s["zhuhai"]:
        vessel, water = rng.choice(SEA_VESSELS), rng.choice(ZHUHAI_WATERS)
    elif s["prov"] in COASTAL and rng.random() < 0.6:
        vessel, water = rng.choice(SEA_VESSELS), rng.choice(SEA_WATERS)
    else:
        vessel, water = rng.choice(RIVER_VESSELS), rng.choice(RIVER_WATERS)
    aboard = rng.randint(3, 16)
    s.update(vessel=vessel, water=water, aboard=vocab_numbers.num(rng, aboard),
             rescued=vocab_numbers.num(rng, rng.randint(1, aboard - 2)),
             how=rng.choice(("沉没", "翻沉", "与一艘货船相撞", "触礁进水", "倾覆")))
    return s


_ROAD_BODY = (
    ("事故发生后，[当地交警|公安交警]、消防、120等部门迅速赶到现场开展救援。",
     "救援人员使用破拆工具，将被困在驾驶室内的司机救出。",
     "接警后，高速交警、路政和消防救援人员先后赶到现场。"),
    ("现场[图片|视频]显示，[车头严重变形|车辆侧翻在路边，玻璃碎了一地|两车车头均严重损毁]。",
     "{witness}说，当时听到“砰”的一声巨响，出门就看到两辆车撞在了一起。",
     "据目击者介绍，事发时[天色较暗|雨下得很大|路面有积水]，车速都不慢。"),
    ("{cas_after}",),
    ("受事故影响，事发路段[一度交通拥堵|实行交通管制|车辆排起长龙]。",
     "为防止二次事故，交警在事故现场后方设置了警示标志。"),
    ("目前，肇事司机已被警方控制，事故原因正在进一步调查中。", "{follow}",
     "经初步调查，事故系{cause}所致。"),
    ("交警部门提醒，[雨天|夜间|节假日]行车要控制车速，保持安全车距。",
     "当地随后开展道路交通安全隐患排查，重点整治超速、超载等违法行为。"),
)
ROAD = Scenario(
    "road", SAFETY, _road,
    heads=(
        "{spot_head}[发生|突发]一起交通事故，{cas_head}",
        "{spot_head}{v1}与{v2}相撞 {cas_head}",
        "{spot_head}一{v1}侧翻 {cas_head}",
        "{spot_head}多车追尾，{cas_head}",
        "{spot_head}：{v1}冲出路面[坠入河中|翻入沟内]",
        "{spot_head}发生道路交通事故 {cas_head}",
        "突发！{spot_head}{cars}车连环相撞",
        "{spot_head}车祸{cas_head}，交警[通报|发布情况]",
        "{v1}与{v2}[相撞|剐蹭]后起火 {cas_head}",
    ),
    leads=(
        "{time}，{spot}发生一起{v1}与{v2}相撞的交通事故，{cas}。",
        "{time}，一辆{v1}行驶至{spot}时[侧翻|冲出路面|翻入路边沟渠]，{cas}，事故原因正在调查中。",
        "据当地交警通报，{time}{spot}发生一起[多车追尾|两车相撞]事故，{cas}。",
        "{time}，{spot}因{cause}发生{cars}车连环相撞事故，{cas}，[事发路段一度封闭|目前道路已恢复通行]。",
        "{time}，{spot}一辆{v1}追尾前方{v2}，{cas}，交警已对事故展开调查。",
        "交警部门消息，{time}，{v1}在{spot}与一辆{v2}[发生碰撞|迎面相撞]，{cas}。",
    ),
    body=_ROAD_BODY,
    weight=30,
)

BUS = Scenario(
    "bus", SAFETY, _road,
    heads=(
        "{spot_head}一{bus}侧翻，{cas_head}",
        "{spot_head}：载有{pax}人的{bus}[侧翻|追尾货车]",
        "{bus}在{spot_head}发生事故 {cas_head}",
    ),
    leads=(
        "{time}，一辆载有{pax}名乘客的{bus}在{spot}[侧翻|与一辆大货车追尾]，{cas}。",
        "{time}，{spot}一辆{bus}因{cause}冲出路面侧翻，车上{pax}名乘客中{cas}。",
    ),
    body=(
        ("事故发生后，交警、消防、120等部门迅速赶到现场，将被困乘客逐一救出。",
         "接警后，高速交警、路政和消防救援人员先后赶到现场开展救援。"),
        ("现场[图片|视频]显示，[客车侧翻在路边，车窗玻璃碎了一地|客车车头严重变形]。",
         "一名乘客回忆，车辆突然剧烈晃动，随后就翻了过去，车里的人都摔倒在一起。"),
        ("{cas_after}",),
        ("当地已启动应急预案，[交通运输|卫健]部门组织做好伤员救治和乘客转运。",
         "未受伤的乘客已由客运企业安排车辆转运。"),
        ("{follow}", "经初步调查，事故与{cause}有关。"),
        ("交通运输部门随后对辖区客运企业开展安全检查，严查超员、疲劳驾驶等违法行为。",),
    ),
    weight=8,
)


AIR = Scenario(
    "air", SAFETY, _air,
    heads=(
        "{loc}{craft}坠毁，{cas_head}",
        "{craft}在{loc}坠机 {cas_head}",
        "{loc}发生一起通用航空事故",
        "{loc}：{craft}{task}时坠落",
    ),
    leads=(
        "{time}，{craft}在{place}{task}时坠毁，机上{aboard}人，{cas}。",
        "{time}，{place}{village}附近发生一起坠机事故，{craft}坠落在农田中，{cas}。",
        "据民航部门消息，{time}{craft}在{place}附近坠毁，{cas}，事故原因正在调查。",
    ),
    body=(
        ("事故发生后，当地[公安|应急|消防]等部门迅速赶到现场开展处置。",
         "{witness}说，当时看到飞机飞得很低，随后就听到一声巨响。"),
        ("现场[画面|照片]显示，飞机残骸散落在[一片农田|山坡|空地]上。",
         "坠机地点距离最近的村庄约[数百米|一公里]，未造成地面人员伤亡。"),
        ("{cas_after}",),
        ("民航监管部门已派出调查组赶赴现场。", "{follow}"),
        ("目前，相关通航企业已暂停同型号飞机的飞行任务。",
         "据了解，该机隶属于当地一家通用航空公司。"),
        ("当地随后对坠机现场进行了封闭，[公安|消防]人员在现场警戒。",
         "失事飞机的飞行记录设备已被找到，将送交专业机构分析。"),
    ),
    weight=5,
)

SHIP = Scenario(
    "ship", SAFETY, _ship,
    heads=(
        "{vessel}在{water}{how} {cas_head}",
        "{loc}{water}发生[沉船|翻船]事故，{cas_head}",
        "{loc}{vessel}{how}，{aboard}名船员[落水|被困]",
        "{loc}：{vessel}[遇险|翻沉]，海事部门全力搜救",
    ),
    leads=(
        "{time}，{vessel}在{place}{water}{how}，船上{aboard}人，{cas}，搜救工作正在进行。",
        "记者从海事部门获悉，{time}{vessel}在{place}{water}{how}，{cas}。",
        "{time}，{place}{water}发生一起水上交通事故，{vessel}{how}，{cas}。",
    ),
    body=(
        ("接报后，海事部门立即协调[搜救船艇|附近过往船舶|救助直升机]赶赴现场搜救。",
         "事发水域[风浪较大|能见度较低|水流湍急]，给搜救带来困难。"),
        ("截至目前，已有{rescued}名落水人员被救起。", "{cas_after}"),
        ("[海事|交通运输]部门提醒，船舶在恶劣天气下应及时回港避风。",
         "{follow}"),
        ("当地已对辖区[渔船|内河船舶|客渡船]开展安全检查，严查超载、无证驾驶等行为。",),
        ("据了解，该船事发时正在[从事捕捞作业|运送砂石|返港途中]。",
         "获救船员称，船舶[突然剧烈倾斜|进水速度很快]，几分钟内就沉了下去。"),
        ("{city}已启动水上搜救应急预案，[专业救捞力量|渔政船和海警船艇]陆续加入搜救。",
         "搜救人员正沿水流方向扩大搜寻范围。"),
    ),
    weight=6,
)
