"""Hazardous-chemical stories (危险化学品): blasts, fires, leaks, tankers, gas, fireworks, checks."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots

HAZ = ("hazardous_chemicals",)
HAZ_FIRE = ("hazardous_chemicals", "fire")

PLANTS = (
    "化工厂", "化工企业", "精细化工企业", "农药厂", "制药厂", "石化企业", "炼油厂", "涂料厂",
    "化肥厂", "染料厂", "新材料公司", "树脂厂", "橡胶助剂厂", "氯碱厂", "医药中间体企业",
    "化工园区企业", "危化品仓库", "溶剂回收厂", "油漆厂",
)
PLANT_SPOTS = ("反应釜", "储罐区", "生产车间", "精馏塔", "管廊", "装卸区", "仓库", "中间罐区",
               "污水处理池", "原料库")
CHEMICALS = (
    ("氯气", "刺激性气味"), ("液氨", "刺鼻的氨味"), ("氨气", "刺鼻的气味"), ("硫化氢", "臭鸡蛋味"),
    ("苯", "芳香味"), ("甲苯", "刺激性气味"), ("甲醇", "刺激性气味"), ("硫酸", "酸味"),
    ("盐酸", "刺鼻的酸味"), ("硝酸", "刺激性气味"), ("氢氟酸", "刺激性气味"), ("二甲苯", "油漆味"),
    ("丙烯", "异味"), ("环氧乙烷", "甜腥味"), ("氯乙烯", "异味"), ("液碱", "异味"),
    ("二氯甲烷", "刺激性气味"), ("丙酮", "刺鼻的气味"),
)
TANKERS = (
    ("一辆槽罐车", "化学品"), ("一辆危化品运输车", "危险化学品"), ("一辆液化气罐车", "液化石油气"),
    ("一辆油罐车", "汽油"), ("一辆液氨罐车", "液氨"), ("一辆甲醇槽罐车", "甲醇"),
    ("一辆柴油罐车", "柴油"), ("一辆硫酸运输车", "硫酸"), ("一辆盐酸罐车", "盐酸"),
)
GAS_SITES = ("餐馆", "饭店", "小吃店", "居民楼", "出租屋", "早餐店", "烧烤店", "单位食堂",
             "临街商铺", "住户家中", "快餐店", "面馆", "农家乐")
GAS_KINDS = ("燃气", "液化气", "天然气", "煤气")
FIREWORKS = ("烟花爆竹仓库", "烟花爆竹生产企业", "非法烟花爆竹作坊", "烟花爆竹批发部",
             "烟花爆竹零售点")


def _plant(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="工人", dead_max=4, injured_max=15, none_share=0.3)
    chem, smell = rng.choice(CHEMICALS)
    s.update(plant=rng.choice(PLANTS), spot=rng.choice(PLANT_SPOTS), chem=chem, smell=smell,
             trucks=str(rng.randint(8, 60)), crew=str(rng.randint(40, 300)),
             radius=vocab_numbers.rounded(rng, 1, 8) + "公里",
             evac=vocab_numbers.rounded(rng, 30, 3000))
    if s["zhuhai"] and rng.random() < 0.6:
        s.update(place="珠海高栏港经济区化工园区", loc="高栏港")
    return s


def _tanker(rng: Random) -> Slots:
    s = vocab_events.base(rng, dead_max=2, injured_max=6, none_share=0.6)
    tanker, cargo = rng.choice(TANKERS)
    if rng.random() < 0.6:
        s.update(spot=f"{s['highway']}{rng.randint(5, 400)}公里处", spot_head=s["highway"])
    else:
        s.update(spot=f"{s['place']}{s['road']}", spot_head=s["loc"])
    s.update(tanker=tanker, cargo=cargo, tons=str(rng.randint(8, 35)),
             how=rng.choice(("侧翻", "与一辆货车追尾", "与一辆小轿车相撞", "撞上护栏", "翻入路边沟内")))
    return s


def _gas(rng: Random) -> Slots:
    s = vocab_events.base(rng, dead_max=3, injured_max=20, none_share=0.2)
    s.update(site=rng.choice(GAS_SITES), gas=rng.choice(GAS_KINDS),
             cause=rng.choice(("燃气管道老化泄漏", "液化气钢瓶阀门泄漏", "燃气软管脱落",
                               "违规使用液化气", "燃气灶具故障", "施工挖断燃气管道")))
    return s


def _fireworks(rng: Random) -> Slots:
    s = vocab_events.base(rng, dead_max=4, injured_max=8, none_share=0.25)
    s.update(works=rng.choice(FIREWORKS), boxes=str(rng.randint(20, 900)))
    return s


def _check(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    chem, _ = rng.choice(CHEMICALS)
    s.update(firms=str(rng.randint(12, 400)), hazards=str(rng.randint(20, 1200)),
             trucks=str(rng.randint(30, 900)), chem=chem, plant=rng.choice(PLANTS),
             people=str(rng.randint(60, 600)), spot=rng.choice(PLANT_SPOTS))
    return s


_PLANT_RESPONSE = (
    "接报后，当地消防救援支队调派{trucks}辆消防车、{crew}名指战员赶赴现场处置。",
    "[危化品|化工]专业处置队伍随后赶到，[对罐体进行冷却|关阀断料|设置警戒区]。",
    "应急管理、生态环境等部门第一时间赶赴现场，开展[处置|监测]工作。",
)
_PLANT_SCENE = (
    "{witness}说，当时听到“轰”的一声巨响，[窗户玻璃都在震|整栋楼都晃了一下]。",
    "据附近居民描述，爆炸声在{radius}外都能听见，随后厂区上空升起[黑色|黄色]烟雾。",
    "事发后，周边{evac}名群众被紧急疏散。",
    "现场视频显示，厂区内一处{spot}[浓烟滚滚|冒出大量烟雾]。",
)
_ENV = (
    "生态环境部门对周边空气和水体进行监测，[目前各项指标未见异常|暂未发现超标]。",
    "监测数据显示，周边空气质量正常，[对群众生活无影响|周边群众无需恐慌]。",
)
_AFTER = (
    "{follow}", "涉事企业已被责令全面停产。",
    "当地要求辖区所有危险化学品企业立即开展安全隐患排查。",
    "{city}随即在全市部署开展危险化学品安全专项整治。",
)

PLANT_BLAST = Scenario(
    "plant_blast", HAZ, _plant,
    heads=(
        "{loc}一{plant}发生爆炸 {cas_head}",
        "{loc}{plant}[闪爆|爆燃]，{cas_head}",
        "{loc}一{plant}传出巨响 周边群众紧急疏散",
        "{loc}：{plant}{spot}发生爆炸事故",
        "{loc}{plant}爆炸事故{cas_head}，企业已停产",
        "突发！{loc}一{plant}发生[爆炸|闪爆]",
    ),
    leads=(
        "{time}，{place}一{plant}{spot}发生爆炸，{cas}，事故原因正在调查中。",
        "{time}，位于{place}的一家{plant}发生[闪爆|爆燃]事故，{cas}，周边{evac}名群众已疏散。",
        "记者从{city}应急管理局获悉，{time}{place}一{plant}发生爆炸事故，{cas}。",
        "{time}，{place}一{plant}在检修{spot}时发生爆炸，{cas}，当地已成立事故调查组。",
        "{place}一{plant}{time}[突然传出巨响|发生爆炸]，附近居民家中门窗被震碎，{cas}。",
    ),
    body=(_PLANT_RESPONSE, _PLANT_SCENE, ("{cas_after}",), _ENV, _AFTER,
          ("该企业主要生产[医药中间体|涂料|农药|树脂|化工助剂]，属于危险化学品生产企业。",
           "据了解，事发时企业正在进行[检修作业|试生产|投料作业]。")),
    weight=20,
)

PLANT_FIRE = Scenario(
    "plant_fire", HAZ_FIRE, _plant,
    heads=(
        "{loc}一{plant}起火 浓烟滚滚",
        "{loc}{plant}发生火灾，{cas_head}",
        "{loc}一{plant}爆炸起火 {cas_head}",
        "{loc}：{plant}{spot}着火，{trucks}辆消防车到场",
        "{loc}{plant}火灾明火已扑灭",
        "{loc}一{plant}[储罐|罐区]起火 周边群众疏散",
    ),
    leads=(
        "{time}，{place}一{plant}{spot}发生爆炸并引发火灾，现场浓烟滚滚，{cas}。",
        "{time}，{place}一{plant}突发火灾，消防救援支队调派{trucks}辆消防车到场扑救，{cas}。",
        "{time}，位于{place}的一家{plant}{spot}起火，[火势一度猛烈|火光冲天]，{cas}，起火原因正在调查。",
        "据{city}消防救援支队消息，{time}{place}一{plant}发生火灾，目前明火已被扑灭，{cas}。",
    ),
    body=(_PLANT_RESPONSE, _PLANT_SCENE,
          ("经过{minutes}分钟的扑救，明火被扑灭，消防员继续对罐体进行冷却。",
           "由于现场储存有{chem}等危险化学品，救援人员采取[泡沫覆盖|冷却稀释]的方式处置。"),
          ("{cas_after}",), _ENV, _AFTER),
    weight=20,
)

LEAK = Scenario(
    "leak", HAZ, _plant,
    heads=(
        "{loc}一{plant}发生{chem}泄漏 {cas_head}",
        "{loc}{chem}泄漏：周边{evac}人紧急疏散",
        "{loc}一{plant}[泄漏|泄露]事故{cas_head}",
        "{loc}：{plant}管道破裂 {chem}泄漏",
        "{loc}空气中弥漫{smell} 原是{plant}泄漏",
        "{loc}一企业有毒气体泄漏，{cas_head}",
    ),
    leads=(
        "{time}，{place}一{plant}发生{chem}泄漏，{cas}，周边{evac}名群众已被疏散。",
        "{time}，{place}一{plant}{spot}管道破裂导致{chem}泄漏，[现场已完成堵漏|泄漏已得到控制]，{cas}。",
        "{time}，{place}不少居民闻到一股{smell}，经查系附近一{plant}发生{chem}泄漏，{cas}。",
        "记者从{city}应急管理局获悉，{time}{place}一{plant}发生一起{chem}泄漏事故，{cas}，事故原因正在调查中。",
        "{time}，{place}一{plant}在装卸{chem}时发生泄漏，{cas}，当地已划定{radius}警戒区域。",
    ),
    body=(
        ("接报后，消防救援人员身穿重型防化服进入现场，[实施关阀堵漏|对泄漏点进行堵漏]。",
         "[当地|应急管理部门]立即启动危险化学品事故应急预案，在周边设置警戒区。"),
        ("{witness}说，当时空气中有一股很浓的{smell}，不少人感到[头晕|喉咙不适|眼睛刺痛]。",
         "事发后，周边{evac}名群众被紧急疏散。"),
        ("{cas_after}", "[部分|数名]出现不适症状的群众已被送医观察。"),
        _ENV, _AFTER,
        ("据了解，泄漏的{chem}为危险化学品，具有[腐蚀性|毒性|刺激性]。",
         "专家提醒，发生有毒气体泄漏时，群众应向上风方向撤离。"),
    ),
    weight=20,
)

TANKER = Scenario(
    "tanker", HAZ, _tanker,
    heads=(
        "{spot_head}{tanker}{how} {cargo}泄漏",
        "{spot_head}{tanker}发生事故，{cas_head}",
        "{tanker}在{spot_head}{how}，[交通管制|道路封闭]",
        "{spot_head}一危化品运输车[侧翻|泄漏] 消防紧急处置",
        "{spot_head}：{tanker}{how}，罐体[受损|破裂]",
    ),
    leads=(
        "{time}，{tanker}在{spot}{how}，车上约{tons}吨{cargo}发生泄漏，{cas}。",
        "{time}，满载{tons}吨{cargo}的{tanker}行驶至{spot}时{how}，罐体受损，{cas}，事发路段实行交通管制。",
        "{time}，{spot}发生一起危化品运输车辆事故，{tanker}{how}，{cas}，现场已完成倒罐处置。",
    ),
    body=(
        ("接警后，消防、交警、应急管理和生态环境等部门迅速赶到现场。",
         "消防员对罐体进行[持续冷却|堵漏处置]，并用沙土围堵泄漏的{cargo}。"),
        ("为确保安全，事发路段[双向封闭|实行交通管制]，周边车辆和行人被疏散。",
         "专业人员随后调来空罐车进行倒罐作业。"),
        ("{cas_after}",),
        ("[经过|历时]数小时处置，险情被排除，道路恢复通行。", "{follow}"),
        ("交通运输部门提醒，危险化学品运输车辆必须按规定路线和时段行驶。",
         "当地随后开展危险货物道路运输安全专项整治。"),
    ),
    weight=15,
)

_GAS_BODY = (
    ("爆炸[冲击波|气浪]将[事发建筑|周边房屋]门窗玻璃全部震碎。",
     "{witness}说，当时正在附近[买菜|散步|上班]，突然“轰”的一声，街上碎片散落一地。",
     "现场可见，事发{site}一片狼藉，周边多辆汽车被飞溅物砸坏。"),
    ("消防救援人员到场后立即关闭燃气阀门，并对现场进行排查。",
     "燃气公司抢修人员也赶到现场，对周边管线进行检测。"),
    ("{cas_after}",),
    ("经初步调查，事故系{cause}引发，具体原因正在调查中。", "{follow}"),
    ("当地随即开展城镇燃气安全隐患排查整治，重点检查餐饮场所燃气使用情况。",
     "燃气部门提醒，闻到燃气味时不要开关电器，应立即开窗通风并到室外报警。"),
)
GAS = Scenario(
    "gas", HAZ, _gas,
    heads=(
        "{loc}一{site}发生{gas}爆炸，{cas_head}",
        "{loc}{site}{gas}泄漏爆炸 {cas_head}",
        "{loc}：{site}疑似燃气爆炸",
        "{loc}{site}发生爆燃 {cas_head}",
    ),
    leads=(
        "{time}，{place}{road}一{site}发生{gas}爆炸，{cas}，事故原因正在调查中。",
        "{time}，{place}一{site}疑因{cause}发生爆燃，{cas}。",
        "据{city}应急管理局消息，{time}{place}一{site}发生一起{gas}爆炸事故，{cas}。",
    ),
    body=_GAS_BODY,
    weight=18,
)

GAS_LEAK = Scenario(
    "gas_leak", HAZ, _gas,
    heads=(
        "{loc}一{site}{gas}泄漏 [多人中毒|{cas_head}]",
        "{loc}{community}燃气管道泄漏 居民紧急疏散",
        "{loc}：{site}疑似燃气泄漏，多人头晕送医",
    ),
    leads=(
        "{time}，{place}{community}一{site}发生{gas}泄漏，[多名|数名]人员出现头晕、恶心等症状，{cas}。",
        "{time}，{place}{road}因{cause}导致燃气泄漏，周边居民被紧急疏散，{cas}。",
        "{time}，{place}一{site}内[多人|一家三口]疑似燃气中毒，经查系{cause}所致，{cas}。",
    ),
    body=(
        ("燃气公司抢修人员赶到后立即关阀断气，并对泄漏点进行封堵。",
         "消防救援人员佩戴空气呼吸器进入室内，打开门窗通风。"),
        ("{witness}说，当时楼道里有一股很重的燃气味，大家赶紧跑到楼下。",
         "为防止意外，现场周边实行警戒，禁止使用明火和电器。"),
        ("{cas_after}", "出现不适的人员已被送往医院治疗。"),
        ("经初步调查，事故系{cause}引发。", "{follow}"),
        ("燃气部门提醒，闻到燃气味时不要开关电器，应立即开窗通风并到室外报警。",
         "当地随即开展城镇燃气安全隐患排查整治。"),
    ),
    weight=8,
)

GAS_FIRE = Scenario(
    "gas_fire", HAZ_FIRE, _gas,
    heads=(
        "{loc}一{site}{gas}爆炸引发火灾",
        "{loc}{site}燃气爆燃起火，{cas_head}",
        "{loc}：{site}{gas}泄漏起火",
    ),
    leads=(
        "{time}，{place}一{site}发生{gas}爆炸并引发火灾，消防员到场将火扑灭，{cas}。",
        "{time}，{place}{road}一{site}因{cause}起火，火势迅速蔓延，{cas}。",
    ),
    body=_GAS_BODY,
    weight=8,
)

FIREWORKS_BLAST = Scenario(
    "fireworks", HAZ, _fireworks,
    heads=(
        "{loc}一{works}发生爆炸，{cas_head}",
        "{loc}{works}爆炸事故{cas_head}",
    ),
    leads=(
        "{time}，{place}{village}一{works}发生爆炸，{cas}，事故原因正在调查。",
        "{time}，{place}一{works}突然发生爆炸，附近多间房屋受损，{cas}。",
    ),
    body=(
        ("事发后，消防、公安、应急等部门赶到现场，对周边群众进行疏散。",
         "爆炸将附近[民房|厂房]的屋顶掀翻，碎片散落在方圆数百米范围内。"),
        ("{cas_after}",),
        ("据调查，该{works}存在[超量储存|无证经营|违规储存]等问题。", "{follow}"),
        ("当地随后开展烟花爆竹“打非治违”专项行动。",
         "应急管理部门提醒，严禁在居民区储存和销售烟花爆竹。"),
        ("{witness}说，事发时听到接连几声巨响，像放炮一样。",
         "附近一名村民回忆，爆炸后现场腾起一股白烟，空气中全是火药味。"),
        ("[春节|元宵节]临近，烟花爆竹的生产、储存和销售进入高峰期，安全风险随之上升。",
         "据了解，事发点距离最近的居民区不足[百米|两百米]。"),
    ),
    weight=8,
)

CHECK = Scenario(
    "haz_check", HAZ, _check,
    heads=(
        "{loc}开展危险化学品安全专项检查",
        "{loc}危化品企业隐患排查：发现问题{hazards}项",
        "{loc}举行{chem}泄漏事故应急演练",
        "{city}检查危化品运输车辆{trucks}辆",
        "{loc}化工园区安全整治提升全面启动",
    ),
    leads=(
        "近日，{bureau}对辖区{firms}家危险化学品企业开展安全专项检查，共发现问题隐患{hazards}项。",
        "{day}，{place}一{plant}举行{chem}泄漏事故应急演练，{people}余人参与。",
        "为防范危险化学品运输风险，{place}近日联合交警对{trucks}辆危化品运输车辆开展专项检查。",
        "{place}近日启动化工园区安全整治提升行动，重点排查重大危险源和储罐区安全隐患。",
    ),
    body=(
        ("检查组重点检查了重大危险源管控、特殊作业审批和储罐区安全设施运行情况。",
         "演练模拟{spot}发生{chem}泄漏，企业应急队伍迅速开展堵漏和人员疏散。"),
        ("对检查中发现的问题，执法人员当场下达整改指令，要求企业限期整改到位。",
         "演练中，消防救援人员身穿防化服，对泄漏点进行了关阀堵漏。"),
        ("对存在重大隐患的企业，依法责令停产整改。",
         "此次检查共查处违法违规运输行为多起。"),
        ("{city}应急管理局相关负责人表示，危险化学品安全风险防控必须常抓不懈。",
         "下一步，当地将持续推进危险化学品安全风险集中治理。"),
        ("检查组还对企业负责人和安全管理人员进行了现场培训。",),
    ),
    weight=6,
)

SCENARIOS = (PLANT_BLAST, PLANT_FIRE, LEAK, TANKER, GAS, GAS_LEAK, GAS_FIRE, FIREWORKS_BLAST,
             CHECK)
