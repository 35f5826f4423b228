"""Production-safety stories (安全生产) at work sites, and the whole list of safety scenarios."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots
from classifiers.seedgen.safety_transport import AIR, BUS, ROAD, SAFETY, SHIP

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
WORK_EVENTS = (
    ("有限空间窒息事故", "工人在清理污水井时发生窒息"), ("有限空间中毒事故", "工人进入化粪池作业时中毒"),
    ("机械伤害事故", "有工人被卷入运转中的设备"), ("触电事故", "工人在作业时触电"),
    ("电梯事故", "一部货梯突然坠落"), ("锅炉爆炸事故", "厂内一台锅炉发生爆炸"),
    ("粉尘爆炸事故", "车间内发生粉尘爆炸"), ("物体打击事故", "高处落下的钢梁砸中作业工人"),
    ("起重伤害事故", "吊装作业时钢构件脱落"), ("坍塌事故", "堆放的货物突然倒塌"),
)
WORKPLACES = ("食品厂", "造纸厂", "机械厂", "铝制品厂", "养殖场", "污水处理厂", "物流园", "水泥厂",
              "钢材市场", "木业公司", "冷链仓库", "砖厂", "家具厂", "包装厂")


def _build(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="工人", dead_max=3, injured_max=8, none_share=0.1)
    event, event_lead = rng.choice(BUILD_EVENTS)
    s.update(project=rng.choice(PROJECTS), event=event, event_lead=event_lead,
             builder=rng.choice(("施工单位", "总包单位", "劳务分包单位", "项目部")))
    return s


def _collapse(rng: Random) -> Slots:
    s = vocab_events.base(rng, dead_max=4, injured_max=9, none_share=0.25, missing_share=0.15)
    kind, thing = rng.choice(STRUCTURES)
    s.update(kind=kind, thing=thing, trapped=vocab_numbers.num(rng, rng.randint(1, 9)),
             rescued=vocab_numbers.num(rng, rng.randint(1, 6)))
    return s


def _mine(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="矿工", dead_max=5, injured_max=6, none_share=0.0,
                          missing_share=0.3)
    event, event_lead = rng.choice(MINE_EVENTS)
    down = rng.randint(20, 260)
    s.update(mine=rng.choice(MINES), event=event, event_lead=event_lead,
             down=str(down), up=str(down - rng.randint(1, 12)),
             trapped=vocab_numbers.num(rng, rng.randint(1, 12)), depth=str(rng.randint(150, 900)))
    return s


def work_slots(rng: Random) -> Slots:
    """Workplace-accident slots: place, casualties, workplace and event."""
    s = vocab_events.base(rng, who="工人", dead_max=3, injured_max=5, none_share=0.05,
                          missing_share=0.0)
    event, event_lead = rng.choice(WORK_EVENTS)
    s.update(work=rng.choice(WORKPLACES), event=event, event_lead=event_lead)
    return s


def _check(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    s.update(firms=str(rng.randint(30, 1800)), hazards=str(rng.randint(60, 3000)),
             fixed=str(rng.randint(40, 2000)), fine=vocab_numbers.amount_wan(rng, 5, 300),
             closed=vocab_numbers.num(rng, rng.randint(2, 20)),
             field=rng.choice(("建筑施工", "道路运输", "有限空间作业", "非煤矿山", "城镇燃气",
                               "工贸企业", "自建房", "粉尘涉爆企业")))
    return s


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
