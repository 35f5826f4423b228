"""Large-enterprise stories (大型企业): accidents, fires, inspections, interviews, work resuming."""

from random import Random

from classifiers.seedgen import vocab_numbers
from classifiers.seedgen.core import Scenario, Slots
from classifiers.seedgen.safety import work_slots

SAFETY_BIG = ("production_safety", "large_enterprise")
BIG = ("large_enterprise",)

BIG_COMPANIES = (
    ("某大型钢铁集团", ("炼钢车间", "轧钢车间", "原料场")),
    ("一家世界500强企业在当地的工厂", ("一号厂房", "仓储区", "生产线")),
    ("某汽车制造企业", ("冲压车间", "总装车间", "焊装车间")),
    ("某大型电子代工厂", ("组装车间", "仓储区", "生产线")),
    ("某上市公司生产基地", ("一车间", "成品仓库", "生产线")),
    ("某大型家电企业", ("注塑车间", "总装车间", "包装车间")),
    ("某国有造船厂", ("船台", "分段车间", "舾装码头")),
    ("某新能源电池龙头企业", ("化成车间", "仓储区", "生产线")),
    ("一家规上纺织企业", ("织布车间", "印染车间", "仓库")),
    ("某大型造纸企业", ("制浆车间", "原料堆场", "生产线")),
    ("某大型食品加工企业", ("冷库", "包装车间", "生产线")),
    ("某港口集团码头", ("集装箱堆场", "作业区", "装卸区")),
    ("某重型机械制造企业", ("铸造车间", "装配车间", "机加工车间")),
    ("某光伏组件龙头企业", ("层压车间", "仓储区", "生产线")),
    ("某大型水泥企业", ("窑头车间", "原料库", "包装车间")),
    ("某央企下属冶炼厂", ("冶炼车间", "电解车间", "原料库")),
)


BIG_EVENTS = (
    ("机械伤害事故", "有工人被卷入运转中的设备"), ("物体打击事故", "高处落下的重物砸中作业工人"),
    ("起重伤害事故", "吊装作业时构件脱落"), ("高处坠落事故", "有工人从高处坠落"),
    ("触电事故", "工人在检修设备时触电"), ("车辆伤害事故", "一辆叉车在倒车时撞到工人"),
)


def _big(rng: Random) -> Slots:
    s = work_slots(rng)
    s["event"], s["event_lead"] = rng.choice(BIG_EVENTS)
    big, shops = rng.choice(BIG_COMPANIES)
    s.update(big=big, shop=rng.choice(shops),
             staff=vocab_numbers.rounded(rng, 1500, 30000), firms=str(rng.randint(12, 260)),
             total_staff=vocab_numbers.rounded(rng, 20000, 400000),
             hazards=str(rng.randint(30, 900)), days=vocab_numbers.num(rng, rng.randint(3, 30)))
    return s


BIG_ACCIDENT = Scenario(
    "big_accident", SAFETY_BIG, _big,
    heads=(
        "{loc}{big}{shop}发生{event}",
        "{big}发生{event}，{cas_head}",
        "{loc}一大型企业发生生产安全事故 {cas_head}",
        "{big}{shop}事故{cas_head}，[当地|应急管理局]介入调查",
    ),
    leads=(
        "{time}，位于{place}的{big}{shop}发生{event}，{cas}，事故原因正在调查中。",
        "记者从{city}应急管理局获悉，{time}{big}{shop}发生一起{event}，{cas}，该企业已全面停产排查隐患。",
        "{time}，{place}{big}{shop}发生一起{event}，{cas}，企业安全生产主体责任落实情况受到关注。",
    ),
    body=(
        ("据了解，该企业是当地规模以上重点企业，员工约{staff}人。",
         "事发后，企业立即启动应急预案，停止相关区域生产作业。"),
        ("{cas_after}",),
        ("{city}应急管理局已派出工作组进驻企业，督促落实企业主体责任。", "{follow}"),
        ("该企业已暂停{shop}生产，全面开展安全隐患自查。",
         "当地要求辖区规上企业举一反三，开展为期{days}天的安全隐患大排查。"),
        ("企业相关负责人表示，将全力做好善后工作，配合事故调查。",),
    ),
    weight=8,
)

BIG_CHECK = Scenario(
    "big_check", BIG, _big,
    heads=(
        "{loc}对{firms}家规上企业开展安全生产检查",
        "{city}约谈{firms}家重点企业负责人",
        "{loc}重点企业复工复产安全检查全覆盖",
        "{loc}压实规上企业安全生产主体责任",
        "{loc}规模以上工业企业安全隐患排查启动",
    ),
    leads=(
        "{bureau}近日对辖区{firms}家规模以上企业开展安全生产检查，共发现隐患{hazards}处，已全部督促整改。",
        "{day}，{city}召开重点企业安全生产约谈会，要求{firms}家重点企业主要负责人切实履行安全生产第一责任人职责。",
        "春节假期后，{place}组织工作组深入重点企业，对复工复产前的安全条件逐一核查，确保“先安全、后复工”。",
        "{place}近日出台措施，推动辖区{firms}家规上企业建立全员安全生产责任制，压实企业主体责任。",
    ),
    body=(
        ("检查组深入车间、仓库和生产线，重点检查设备设施、危险作业审批和应急预案落实情况。",
         "执法人员查阅了企业安全管理台账，并随机抽查一线员工的安全知识掌握情况。"),
        ("对检查中发现的问题，检查组列出清单，明确整改时限和责任人。",
         "对整改不力的企业，将依法依规严肃处理并纳入重点监管名单。"),
        ("据了解，辖区规上企业从业人员超过{total_staff}人，是安全监管的重点。",
         "其中，{big}等龙头企业被要求发挥示范作用。"),
        ("相关负责人表示，大型企业一旦发生事故，影响面广，必须把安全放在首位。",
         "当地将对重点企业实行“一企一策”精准监管。"),
        ("下一步，{city}将持续开展规上企业安全生产标准化建设。",),
    ),
    weight=10,
)

BIG_FIRE = Scenario(
    "big_fire", ("fire", "large_enterprise"), _big,
    heads=(
        "{big}{shop}起火 [浓烟滚滚|员工紧急疏散]",
        "{loc}一大型企业厂区发生火灾，{cas_head}",
        "{big}厂区失火，[生产线暂停|{cas_head}]",
    ),
    leads=(
        "{time}，{place}{big}{shop}突发火灾，厂区内员工紧急疏散，消防部门调派多辆消防车到场扑救，{cas}。",
        "{time}，{big}位于{place}的厂区冒出滚滚浓烟，[消防救援人员|企业专职消防队]迅速处置，{cas}。",
    ),
    body=(
        ("据了解，该企业员工约{staff}人，事发时正值生产高峰。",
         "企业专职消防队第一时间出动，随后地方消防救援力量赶到增援。"),
        ("[经过约{minutes}分钟的扑救|经全力扑救]，明火被扑灭。", "{cas_after}"),
        ("受火灾影响，企业部分生产线已暂停运行。", "{follow}"),
        ("当地应急管理部门要求辖区重点企业立即开展消防安全隐患排查。",),
        ("企业相关负责人表示，将配合调查，尽快恢复正常生产。",),
    ),
    weight=4,
)

SCENARIOS = (BIG_CHECK, BIG_ACCIDENT, BIG_FIRE)
