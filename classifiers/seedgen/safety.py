"""Production-safety stories (安全生产): roads, construction, collapses, mines, air, water,
workplaces, inspections and drills."""

from random import Random

from classifiers.seedgen import vocab
from classifiers.seedgen.core import Scenario, Slots

SAFETY = ("production_safety",)

VEHICLES = (
    "大货车", "小轿车", "面包车", "重型半挂车", "渣土车", "旅游大巴", "公交车", "电动自行车",
    "农用三轮车", "SUV", "水泥罐车", "厢式货车", "皮卡车", "长途客车", "混凝土搅拌车", "出租车",
)
BUSES = ("旅游大巴", "长途客车", "中巴车", "接驳车", "通勤班车", "农村客运班车")
ROAD_CAUSES = ("团雾", "路面湿滑", "车辆爆胎", "驾驶员疲劳驾驶", "车辆制动失灵", "超速行驶",
               "强行超车", "路面结冰")
PROJECTS = (
    "在建工地", "住宅项目工地", "地铁施工现场", "桥梁施工工地", "厂房建设工地", "道路改造工地",
    "隧道施工现场", "市政管网工地", "安置房项目工地", "学校扩建工地", "商业综合体工地",
)
BUILD_EVENTS = (
    ("脚手架坍塌", "脚手架突然坍塌"), ("塔吊倒塌", "一台塔吊突然倒塌"),
    ("高处坠落事故", "有工人从高处坠落"), ("基坑坍塌", "基坑边坡发生坍塌"),
    ("模板支架坍塌", "浇筑混凝土时模板支架坍塌"), ("土方坍塌", "沟槽土方突然坍塌"),
    ("吊篮坠落", "外墙施工吊篮发生坠落"), ("施工升降机坠落", "一台施工升降机坠落"),
)
STRUCTURES = (
    ("自建房", "一栋居民自建房"), ("老旧居民楼", "一栋老旧居民楼"), ("厂房", "一处厂房屋顶"),
    ("桥梁", "一座乡村桥梁"), ("围墙", "一段围墙"), ("路面", "一处路面"), ("广告牌", "一块大型广告牌"),
    ("钢结构大棚", "一座钢结构大棚"), ("商铺", "一排临街商铺"), ("仓库", "一座仓库屋顶"),
)
MINES = ("煤矿", "铁矿", "金矿", "铜矿", "石膏矿", "采石场", "非煤矿山", "铅锌矿")
MINE_EVENTS = (
    ("透水事故", "井下发生透水"), ("瓦斯爆炸事故", "井下发生瓦斯爆炸"), ("冒顶事故", "井下发生冒顶"),
    ("顶板事故", "井下巷道顶板垮落"), ("运输事故", "井下运输设备发生故障"),
    ("边坡垮塌事故", "边坡突然垮塌"),
)
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
WORK_EVENTS = (
    ("有限空间窒息事故", "工人在清理污水井时发生窒息"), ("有限空间中毒事故", "工人进入化粪池作业时中毒"),
    ("机械伤害事故", "有工人被卷入运转中的设备"), ("触电事故", "工人在作业时触电"),
    ("电梯事故", "一部货梯突然坠落"), ("锅炉爆炸事故", "厂内一台锅炉发生爆炸"),
    ("粉尘爆炸事故", "车间内发生粉尘爆炸"), ("物体打击事故", "高处落下的钢梁砸中作业工人"),
    ("起重伤害事故", "吊装作业时钢构件脱落"), ("坍塌事故", "堆放的货物突然倒塌"),
)
WORKPLACES = ("食品厂", "造纸厂", "机械厂", "铝制品厂", "养殖场", "污水处理厂", "物流园", "水泥厂",
              "钢材市场", "木业公司", "冷链仓库", "砖厂", "家具厂", "包装厂")
def _road(rng: Random) -> Slots:
    s = vocab.base(rng, who="乘客", dead_max=4, injured_max=20, none_share=0.15)
    v1, v2 = rng.sample(VEHICLES, 2)
    if rng.random() < 0.5:
        s.update(spot=f"{s['highway']}{rng.randint(5, 400)}公里处", spot_head=s["highway"])
    else:
        s.update(spot=f"{s['place']}{s['road']}", spot_head=s["loc"])
    s.update(v1=v1, v2=v2, bus=rng.choice(BUSES), pax=str(rng.randint(12, 55)),
             cause=rng.choice(ROAD_CAUSES), cars=str(rng.randint(3, 30)))
    return s


def _build(rng: Random) -> Slots:
    s = vocab.base(rng, who="工人", dead_max=3, injured_max=8, none_share=0.1)
    event, event_lead = rng.choice(BUILD_EVENTS)
    s.update(project=rng.choice(PROJECTS), event=event, event_lead=event_lead,
             builder=rng.choice(("施工单位", "总包单位", "劳务分包单位", "项目部")))
    return s


def _collapse(rng: Random) -> Slots:
    s = vocab.base(rng, dead_max=4, injured_max=9, none_share=0.25, missing_share=0.15)
    kind, thing = rng.choice(STRUCTURES)
    s.update(kind=kind, thing=thing, trapped=vocab.num(rng, rng.randint(1, 9)),
             rescued=vocab.num(rng, rng.randint(1, 6)))
    return s


def _mine(rng: Random) -> Slots:
    s = vocab.base(rng, who="矿工", dead_max=5, injured_max=6, none_share=0.0,
                   missing_share=0.3)
    event, event_lead = rng.choice(MINE_EVENTS)
    down = rng.randint(20, 260)
    s.update(mine=rng.choice(MINES), event=event, event_lead=event_lead,
             down=str(down), up=str(down - rng.randint(1, 12)),
             trapped=vocab.num(rng, rng.randint(1, 12)), depth=str(rng.randint(150, 900)))
    return s


def _air(rng: Random) -> Slots:
    s = vocab.base(rng, who="机组人员", dead_max=3, injured_max=2, none_share=0.1)
    craft, task = rng.choice(AIRCRAFT)
    s.update(craft=craft, task=task, aboard=vocab.num(rng, rng.randint(1, 4)))
    return s


def _ship(rng: Random) -> Slots:
    s = vocab.base(rng, who="船员", dead_max=4, injured_max=3, none_share=0.2,
                   missing_share=0.35)
    if s["zhuhai"]:
        vessel, water = rng.choice(SEA_VESSELS), rng.choice(ZHUHAI_WATERS)
    elif s["prov"] in COASTAL and rng.random() < 0.6:
        vessel, water = rng.choice(SEA_VESSELS), rng.choice(SEA_WATERS)
    else:
        vessel, water = rng.choice(RIVER_VESSELS), rng.choice(RIVER_WATERS)
    aboard = rng.randint(3, 16)
    s.update(vessel=vessel, water=water, aboard=vocab.num(rng, aboard),
             rescued=vocab.num(rng, rng.randint(1, aboard - 2)),
             how=rng.choice(("沉没", "翻沉", "与一艘货船相撞", "触礁进水", "倾覆")))
    return s


def work_slots(rng: Random) -> Slots:
    """Workplace-accident slots: place, casualties, workplace and event."""
    s = vocab.base(rng, who="工人", dead_max=3, injured_max=5, none_share=0.05,
                   missing_share=0.0)
    event, event_lead = rng.choice(WORK_EVENTS)
    s.update(work=rng.choice(WORKPLACES), event=event, event_lead=event_lead)
    return s


def _check(rng: Random) -> Slots:
    s = vocab.base(rng)
    s.update(firms=str(rng.randint(30, 1800)), hazards=str(rng.randint(60, 3000)),
             fixed=str(rng.randint(40, 2000)), fine=vocab.amount_wan(rng, 5, 300),
             closed=vocab.num(rng, rng.randint(2, 20)),
             field=rng.choice(("建筑施工", "道路运输", "有限空间作业", "非煤矿山", "城镇燃气",
                               "工贸企业", "自建房", "粉尘涉爆企业")))
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

_BUILD_BODY = (
    ("事发后，[消防|应急]、公安、卫健等部门[迅速|第一时间]赶到现场开展救援。",
     "救援人员迅速[将伤者转移至安全区域|对现场进行警戒|排查是否还有人员被困]。"),
    ("据现场工人介绍，事发时{builder}正在组织[浇筑作业|拆除作业|吊装作业]。",
     "{witness}说，当时只听到一阵闷响，抬头就看到[架子|东西]倒了下来。"),
    ("{cas_after}",),
    ("{city}已责令该项目全面停工，并对{builder}相关负责人进行调查。",
     "涉事项目已被责令停工整改，{follow}"),
    ("当地随后在全市开展建筑施工领域安全隐患排查整治。",
     "住建部门要求各项目严格落实危大工程管理制度，严防类似事故发生。"),
)
BUILD = Scenario(
    "construction", SAFETY, _build,
    heads=(
        "{loc}一{project}发生{event}，{cas_head}",
        "{loc}{project}{event} {cas_head}",
        "{loc}一工地突发{event}",
        "{loc}：{project}发生安全事故 {cas_head}",
        "{loc}{event}致工人{cas_head}",
        "{loc}一工地{event}，涉事项目停工整改",
    ),
    leads=(
        "{time}，{place}一{project}{event_lead}，{cas}，事故原因正在调查中。",
        "{time}，{place}{road}一{project}发生{event}，{cas}。",
        "记者从{city}应急管理局获悉，{time}{place}一{project}发生一起{event}，{cas}。",
        "{time}，位于{place}的一处{project}在施工过程中{event_lead}，{cas}，{follow}",
    ),
    body=_BUILD_BODY,
    weight=20,
)

_COLLAPSE_BODY = (
    ("事发后，当地[消防救援支队|应急管理局]迅速调集力量赶赴现场，[搜救被困人员|对周边人员进行疏散]。",
     "救援人员[用手一点点刨开瓦砾|借助搜救犬和生命探测仪]搜寻被困者。"),
    ("经过数小时的连续救援，现场搜救工作基本结束。",
     "[当地|附近]居民说，事发前[墙体曾出现裂缝|房屋已有轻微倾斜]，但一直没有引起重视。"),
    ("{cas_after}",),
    ("当地已对周边建筑进行安全排查，并疏散[附近住户|周边群众]。",
     "相关部门已对事发区域进行封闭。"),
    ("{follow}", "初步调查显示，{kind}存在[违规加层|年久失修|私自改变结构]等问题。"),
    ("{city}随即部署开展[自建房|老旧房屋|城镇房屋]安全隐患专项排查整治。",),
)
COLLAPSE = Scenario(
    "collapse", SAFETY, _collapse,
    heads=(
        "{loc}{thing}[倒塌|坍塌|垮塌]，{cas_head}",
        "{loc}一{kind}突然[坍塌|垮塌] {cas_head}",
        "{loc}{kind}坍塌事故{cas_head}",
        "突发！{loc}一{kind}倒塌",
    ),
    leads=(
        "{time}，{place}{thing}突然[倒塌|坍塌]，{cas}，[救援工作仍在进行|相关部门正在处置]。",
        "{time}，{place}{village}{thing}发生坍塌，{cas}，当地已组织力量开展处置。",
        "据{city}应急管理局消息，{time}{place}发生一起{kind}坍塌事故，{cas}。",
        "{time}，{place}{road}{thing}[发生垮塌|突然塌陷]，{cas}，事故原因正在调查。",
    ),
    body=_COLLAPSE_BODY,
    weight=15,
)

_MINE_BODY = (
    ("事故发生时，井下共有{down}人作业，[其中{up}人已安全升井|大部分人员已安全升井]。",
     "事故发生后，[当地|矿方]立即启动应急预案，调集[矿山救护队|救援力量]赶赴现场。"),
    ("救援人员正在[抽排积水|清理巷道|恢复通风]，全力开展救援。",
     "事发巷道位于地下约{depth}米处，救援难度较大。"),
    ("{cas_after}",),
    ("该{mine}已被责令停产整顿，{follow}",
     "矿山安全监管部门已派出工作组赶赴现场指导救援。"),
    ("据了解，该矿设计年产能约[30万吨|60万吨|90万吨|15万吨]，[证照齐全|此前曾因超层越界开采被处罚]。",
     "矿工家属陆续赶到矿区，[当地安排专人做好安抚工作|焦急地等待消息]。"),
    ("当地随即在辖区所有矿山开展安全隐患大排查。",
     "相关负责人表示，将依法依规严肃追究相关责任人的责任。"),
)
MINE = Scenario(
    "mine", SAFETY, _mine,
    heads=(
        "{loc}一{mine}发生{event} {cas_head}",
        "{loc}{mine}{event}，{cas_head}",
        "{loc}{mine}事故{cas_head}，[救援正在进行|矿井停产整顿]",
        "{loc}一{mine}[井下|巷道]发生事故，{cas_head}",
        "{loc}矿难：{cas_head}",
    ),
    leads=(
        "{time}，{place}一{mine}{event_lead}，{cas}，救援工作正在进行中。",
        "{time}，{place}一{mine}发生{event}，{cas}，当地正在全力组织救援。",
        "记者从{city}应急管理局获悉，{time}{place}一{mine}发生{event}，{cas}。",
        "{place}一{mine}{time}发生{event}，[事故发生时井下有{down}人作业|矿方已组织人员升井]，{cas}。",
    ),
    body=_MINE_BODY,
    weight=12,
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

_WORK_BODY = (
    ("事故发生后，企业立即拨打119和120求救，[消防|救援]人员赶到后将伤者救出。",
     "据了解，事发时工人们正在[进行设备检修|清理池体|赶制一批订单]。"),
    ("{cas_after}",),
    ("{follow}", "涉事企业已被责令停产整顿。"),
    ("当地应急管理部门要求各企业立即开展[有限空间作业|机械设备|用电]安全隐患排查。",
     "应急管理部门提醒，企业要严格落实安全操作规程，加强员工安全培训。"),
    ("记者了解到，该企业此前曾因安全问题被[约谈|处罚]。",
     "涉事企业负责人表示，将全力配合调查，做好善后工作。"),
    ("{witness}是厂里的老员工，据其介绍，事发车间平时[安全培训不多|设备比较老旧]。",
     "记者赶到现场时，厂区大门紧闭，[门口停着几辆警车|几名工作人员在门口值守]。"),
    ("遇难者家属已赶到当地，相关部门正在做好家属安抚工作。",
     "当地人社部门已介入，协调工伤认定和赔偿事宜。"),
)
WORK = Scenario(
    "workplace", SAFETY, work_slots,
    heads=(
        "{loc}一{work}发生{event}，{cas_head}",
        "{loc}{work}{event} {cas_head}",
        "{loc}一企业发生生产安全事故 {cas_head}",
        "{loc}一{work}{event}，企业被责令停产整顿",
        "{loc}：{work}发生一起工亡事故",
    ),
    leads=(
        "{time}，{place}一{work}{event_lead}，{cas}，事故原因正在调查中。",
        "{time}，位于{place}的一家{work}发生{event}，{cas}。",
        "据{city}应急管理局通报，{time}{place}一{work}发生一起{event}，{cas}。",
        "{place}一{work}{time}发生{event}，{cas}，涉事企业已被责令停产整顿。",
    ),
    body=_WORK_BODY,
    weight=15,
)

CHECK = Scenario(
    "safety_check", SAFETY, _check,
    heads=(
        "{loc}开展{field}安全生产大检查",
        "{loc}排查{field}安全隐患{hazards}处",
        "{city}启动{field}领域安全生产专项整治",
        "{loc}{closed}家企业被责令停产整顿",
        "{loc}举行{field}事故应急救援演练",
    ),
    leads=(
        "连日来，{bureau}组织执法人员对{field}领域开展安全生产大检查，共检查企业{firms}家，排查隐患{hazards}处。",
        "{place}近日启动{field}领域安全生产专项整治，截至目前已整改隐患{fixed}处，责令{closed}家企业停产整顿。",
        "{day}，{place}举行{field}事故应急救援演练，模拟作业人员被困后的报警、救援和伤员转运全过程。",
        "记者从{city}安委会获悉，今年以来全市在{field}领域共排查安全隐患{hazards}处，罚款{fine}。",
    ),
    body=(
        ("检查组深入生产一线，重点检查安全管理制度落实、隐患排查治理和应急预案等情况。",
         "执法人员现场查看了作业审批记录、应急器材配备和从业人员持证上岗情况。"),
        ("对发现的问题，检查组当场反馈并督促企业限期整改。",
         "对存在重大事故隐患的企业，依法责令停产整顿，并处罚款{fine}。"),
        ("此次共检查企业{firms}家，整改隐患{fixed}处。",
         "当地还对{closed}家企业的主要负责人进行了约谈。"),
        ("{city}应急管理局相关负责人表示，将保持“打非治违”高压态势。",
         "下一步，当地将持续开展安全生产治本攻坚，坚决遏制重特大事故发生。"),
        ("演练结束后，专家对演练情况进行了点评。",
         "通过检查，进一步压实了企业安全生产主体责任。"),
    ),
    weight=5,
)

SCENARIOS = (ROAD, BUS, BUILD, COLLAPSE, MINE, AIR, SHIP, WORK, CHECK)
