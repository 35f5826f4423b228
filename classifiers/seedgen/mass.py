"""Mass-incident stories (群体性事件): wage protests, strikes, homeowners, villagers, sit-ins, drills."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots

MASS = ("mass_incident",)
MASS_PETITION = ("mass_incident", "petition_complaint")
MASS_SAFETY = ("mass_incident", "production_safety")

EMPLOYERS = ("一家服装厂", "一家电子厂", "某建筑工地", "一家鞋厂", "某物流公司", "一家玩具厂",
             "某装修公司", "一家家具厂", "某劳务公司", "一家包装厂", "某外卖配送站", "一家印刷厂")
GRIEVANCES = (
    ("征地补偿款迟迟未到位", "征地补偿"), ("附近拟建垃圾焚烧厂", "垃圾焚烧项目"),
    ("采石场扬尘噪音扰民", "采石场扰民"), ("村道被重型货车压坏", "道路损坏"),
    ("工厂排污影响农田", "企业排污"), ("拆迁安置房迟迟不能交付", "拆迁安置"),
    ("村集体土地被违规出租", "土地纠纷"), ("搅拌站粉尘污染", "搅拌站污染"),
)
HOUSING = (("延期交房", "项目延期交房"), ("房屋质量问题", "新房出现质量问题"),
           ("楼盘停工烂尾", "停工烂尾"), ("小区配套设施缩水", "配套与宣传不符"))
DRIVERS = ("出租车司机", "网约车司机", "货车司机", "渣土车司机", "快递员", "外卖骑手")
FACTORIES = ("一家服装厂", "一家电子厂", "一家鞋厂", "一家玩具厂", "一家家具厂", "一家包装厂",
             "一家印刷厂", "一家五金厂", "一家纺织厂")
WORK_SITES = ("厂区门口", "公司总部楼下", "项目部门口", "工地门口", "劳动监察大队门口")
HOUSE_SITES = ("售楼部", "开发商办公楼前", "小区门口", "住建局门口")
GOV_SITES = ("政府门口", "政府大楼前", "信访局门口", "行政服务中心门口")
VILLAGE_SITES = ("镇政府门口", "村委会门口", "施工现场", "政府大楼前", "项目工地门口")


def _people(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    reason, short = rng.choice(GRIEVANCES)
    house, house_short = rng.choice(HOUSING)
    s.update(
        crowd=rng.choice(("数十名", "上百名", "二三十名", "近百名", "三四十名", "多名", "几十名")),
        employer=rng.choice(EMPLOYERS), months=vocab_numbers.num(rng, rng.randint(2, 8)),
        wages=vocab_numbers.amount_wan(rng, 20, 600), reason=reason, short=short, house=house,
        house_short=house_short, driver=rng.choice(DRIVERS), factory=rng.choice(FACTORIES),
        wsite=rng.choice(WORK_SITES), hsite=rng.choice(HOUSE_SITES), gsite=rng.choice(GOV_SITES),
        vsite=rng.choice(VILLAGE_SITES), time=s["day"],
        hours=vocab_numbers.num(rng, rng.randint(2, 9)),
        official=rng.choice(("当地政府", "属地街道", "镇党委政府", "区委区政府", "相关部门")),
    )
    return s


_GOV = (
    "{official}随即派出工作人员到场，与群众代表面对面沟通，[耐心听取诉求|逐一登记问题]。",
    "公安民警到场维持秩序，[劝导群众理性表达诉求|疏导现场交通]。",
    "当地成立了工作专班，[人社|住建|信访]等部门联合处置。",
)
_END = (
    "[经过|历时]约{hours}小时的劝导，聚集人员逐渐散去，现场秩序恢复正常。",
    "目前，相关诉求正在[协调处理|调查核实]中，现场已恢复平静。",
    "{official}表示，将依法依规妥善处理群众合理诉求，对违法行为坚决依法处置。",
    "当地呼吁群众通过合法途径理性表达诉求，不要采取过激行为。",
)

WAGES = Scenario(
    "wage_gathering", MASS, _people,
    heads=(
        "{loc}{crowd}工人聚集讨薪",
        "{loc}{employer}拖欠工资 工人[堵门|拉横幅]讨说法",
        "{loc}：工人聚集{wsite}讨要工资",
        "{loc}一工地{crowd}农民工聚集 {official}介入",
        "欠薪{months}个月，{loc}工人[围堵|聚集]厂门",
    ),
    leads=(
        "{time}，{crowd}工人聚集在{place}{employer}门口，拉起横幅讨要被拖欠{months}个月的工资，{official}已介入处置。",
        "因{employer}拖欠工资{wages}，{time}{crowd}工人在{place}{road}聚集，一度造成交通拥堵。",
        "{time}，{place}{crowd}农民工聚集在{wsite}讨薪，[现场情绪激动|部分人员与保安发生推搡]，警方到场维持秩序。",
        "记者从{place}获悉，针对{time}发生的工人聚集讨薪事件，{official}已责成企业限期支付拖欠工资。",
    ),
    body=(
        ("据工人介绍，{employer}已连续{months}个月未发工资，老板[电话打不通|一直找理由拖延]。",
         "现场有人举着写有“还我血汗钱”的横幅，[情绪较为激动|不时有人高声喊话]。"),
        _GOV,
        ("人社部门调查核实，该企业共拖欠工资{wages}，涉及工人{crowd}。",
         "{witness}说，大家也不想闹，只是家里等着钱用。"),
        _END,
        ("人社部门提醒，遇到欠薪问题可拨打12345热线或到劳动保障监察部门投诉。",),
    ),
    weight=18,
)

STRIKE = Scenario(
    "strike", MASS, _people,
    heads=(
        "{loc}{factory}工人停工抗议",
        "{loc}：{crowd}员工罢工 [要求补偿|抗议降薪]",
        "{loc}一工厂员工集体停工 {official}协调",
        "{factory}搬迁引发员工罢工",
    ),
    leads=(
        "{time}，{place}{factory}{crowd}员工因不满[降薪|搬迁补偿方案|加班费计算方式]集体停工，聚集在厂区门口。",
        "因企业拟搬迁但补偿方案未谈妥，{place}{factory}员工{time}开始罢工，生产线全部停摆。",
    ),
    body=(
        ("据员工反映，企业[突然宣布下调计件工资|要求员工自愿离职|未按规定缴纳社保]，大家难以接受。",
         "停工期间，员工们聚集在厂区门口，[拉起横幅|席地而坐]，要求企业负责人出面。"),
        _GOV,
        ("企业方面表示，将与员工代表继续协商，[尽快拿出方案|依法给予补偿]。",
         "[工会|人社部门]组织劳资双方进行了多轮协商。"),
        _END,
        ("{witness}说，在厂里干了{months}年，希望企业给个说法。",),
    ),
    weight=12,
)

DRIVER_STOP = Scenario(
    "drivers", MASS, _people,
    heads=(
        "{loc}{crowd}{driver}聚集 [表达诉求|要求降低抽成]",
        "{loc}：{driver}集体停运抗议",
        "{loc}{driver}聚集{gsite} 交通部门到场协调",
    ),
    leads=(
        "{time}，{place}{crowd}{driver}集体停运，聚集在{gsite}表达诉求，[当地交通部门|{official}]已到场协调。",
        "因不满[平台抽成过高|罚款标准|收入持续下降]，{place}{crowd}{driver}{time}聚集在{gsite}，一度造成周边交通拥堵。",
    ),
    body=(
        ("据{driver}反映，[平台近期调整了计价规则|罚款越来越多|每天跑十几个小时也挣不到钱]，大家难以接受。",
         "现场停放着大量车辆，不少人举着写有诉求的纸牌。"),
        _GOV,
        ("交通运输部门表示，已约谈相关平台企业，要求认真回应从业人员合理诉求。",),
        _END,
        ("{witness}说，大家就是想要一个公平的说法。",),
    ),
    weight=6,
)

HOMEOWNERS = Scenario(
    "homeowners", MASS, _people,
    heads=(
        "{loc}一楼盘{house_short} 业主拉横幅维权",
        "{loc}{crowd}业主聚集售楼部讨说法",
        "{loc}：{house}引业主聚集",
        "{loc}业主{house_short}维权 住建部门介入",
    ),
    leads=(
        "{time}，{place}一楼盘{crowd}业主因{house}聚集在售楼部，拉起横幅要求开发商给出说法。",
        "因{house_short}，{place}{community}{crowd}业主{time}在{hsite}聚集维权，住建部门已介入协调。",
        "{time}，{place}一楼盘业主聚集在{hsite}，[情绪激动|高喊口号]，警方到场维持秩序。",
    ),
    body=(
        ("业主们表示，合同约定的交房时间早已过去，[工地却迟迟不见动静|房子还存在不少问题]。",
         "现场有业主举着“还我家园”“保交楼”等横幅。"),
        _GOV,
        ("住建部门表示，已约谈开发商，责令其尽快[复工|整改]。",
         "开发商负责人承诺，将在一个月内给出解决方案。"),
        _END,
        ("{witness}说，买房掏空了家里积蓄，现在每个月还要还房贷。",),
    ),
    weight=12,
)

VILLAGERS = Scenario(
    "villagers", MASS, _people,
    heads=(
        "{loc}村民堵路抗议{short}",
        "{loc}{village}村民聚集 [反对|抗议]{short}",
        "{loc}：{crowd}村民围堵施工车辆",
        "因{reason}，{loc}村民聚集讨说法",
        "{loc}{village}发生群体性事件 {official}[处置|回应]",
    ),
    leads=(
        "{time}，{place}{village}{crowd}村民因{reason}聚集堵路，{official}已派员到场处置。",
        "{time}，{place}{crowd}村民聚集在{vsite}，反映{reason}问题，[要求相关部门给个说法|现场一度混乱]。",
        "因{reason}，{place}{village}部分村民{time}围堵进村施工车辆，[双方发生推搡|施工被迫暂停]。",
        "针对{place}{village}村民聚集一事，{official}{time}发布情况说明，称已成立工作组调查处理。",
    ),
    body=(
        ("据村民反映，{reason}，[多次反映都没有结果|已影响到正常生产生活]。",
         "现场，村民们拉起横幅，并用[石块|车辆|树枝]堵住了进村道路。"),
        _GOV,
        ("{official}在情况说明中表示，已暂停相关[施工|项目]，将听取群众意见。",
         "{witness}说，大家只希望问题能得到解决。"),
        _END,
        ("据了解，相关[项目|纠纷]此前已引发过多次投诉。",),
    ),
    weight=14,
)

FAMILIES = Scenario(
    "families", MASS_SAFETY, _people,
    heads=(
        "{loc}事故遇难者家属聚集讨说法",
        "{loc}：家属聚集{wsite}要求[追责|公开事故原因]",
        "{loc}工亡事故后 家属[拉横幅|堵门]要求赔偿",
    ),
    leads=(
        "{time}，{place}一起安全事故的遇难者家属和亲友{crowd}聚集在{wsite}，要求[公开事故调查进展|严肃追责]。",
        "{place}一企业发生工亡事故后，死者家属{time}在厂区门口拉横幅讨说法，{official}已介入协调赔偿。",
    ),
    body=(
        ("家属们认为，企业[安全措施不到位|事发后一直拖延]，要求给出合理解释。",
         "现场有家属情绪激动，[哭喊着要见企业负责人|拦住进出厂区的车辆]。"),
        _GOV,
        ("应急管理部门表示，事故调查正在进行，将依法依规严肃追究责任。",
         "企业已先行垫付部分[丧葬|医疗]费用。"),
        _END,
        ("据了解，[事故|纠纷]善后工作由当地工作专班负责。",),
    ),
    weight=6,
)

CONFLICT = Scenario(
    "conflict", MASS, _people,
    heads=(
        "{loc}发生聚集冲突事件 {official}通报",
        "{loc}：执法现场遭围堵 多人被带走调查",
        "{loc}一拆迁现场发生冲突",
        "{loc}[商户|摊贩]聚集抗议 与执法人员发生冲突",
    ),
    leads=(
        "{time}，{place}在[拆除违建|市场整治|道路施工]过程中，{crowd}群众聚集围堵，与工作人员发生冲突，{official}已通报情况。",
        "{time}，{place}{crowd}商户因不满市场搬迁聚集抗议，[部分人员打砸|现场一度混乱]，警方依法处置。",
        "据{official}通报，{time}{place}发生一起聚众围堵事件，[部分人员与执法人员发生肢体冲突|有人砸坏车辆]，涉事人员已被依法传唤。",
    ),
    body=(
        ("现场视频显示，[人群推搡|有人向执法车辆扔杂物|工作人员被围在中间]。",),
        _GOV,
        ("警方表示，对借机滋事、打砸等违法行为将依法严肃处理。",
         "冲突中有[数名|多名]人员受轻伤，已送医治疗。"),
        _END,
        ("[商户|居民]代表称，此前对{short}已有不满，希望相关部门听取意见。",),
    ),
    weight=8,
)

SIT_IN = Scenario(
    "sit_in", MASS, _people,
    heads=(
        "{loc}：{crowd}群众在{gsite}静坐",
        "多名群众聚集在{loc}{gsite}讨说法",
        "{loc}：群众[聚集|静坐]反映{short}问题",
    ),
    leads=(
        "{time}，{crowd}群众在{place}{gsite}静坐，反映{reason}等问题，工作人员正在现场做劝导工作。",
        "{time}，多名群众聚集在{place}{gsite}讨说法，称{reason}，[当地已安排专人接待|现场秩序总体平稳]。",
    ),
    body=(
        ("群众代表称，{reason}，已经等了很长时间。",),
        _GOV,
        ("[信访|有关]部门对群众诉求进行了登记，并承诺限期答复。",),
        _END,
        ("{witness}说，只要有人出来解决问题，大家就回去。",),
    ),
    weight=8,
)

PETITION_GROUP = Scenario(
    "group_petition", MASS_PETITION, _people,
    heads=(
        "{loc}{crowd}群众集体上访 反映{short}",
        "{loc}：集体上访事件妥善化解",
        "{loc}化解一起集体上访 涉及{short}",
    ),
    leads=(
        "{time}，{place}{crowd}群众到{gsite}集体上访，反映{reason}，{official}已安排专人接访。",
        "{place}近日化解一起因{short}引发的集体上访，{crowd}群众的合理诉求得到解决。",
    ),
    body=(
        ("接访人员逐一登记群众反映的问题，并现场答复了部分政策咨询。",),
        _GOV,
        ("{official}表示，对群众合理诉求将限期解决，对不合理诉求做好解释疏导。",),
        _END,
        ("当地还建立了重点信访事项领导包案制度。",),
    ),
    weight=6,
)

MASS_DRILL = Scenario(
    "mass_drill", MASS, _people,
    heads=(
        "{loc}开展处置群体性事件应急演练",
        "{loc}举行群体性事件处置演练",
    ),
    leads=(
        "{day}，{place}开展处置群体性事件应急演练，模拟{crowd}群众因{short}聚集{gsite}的情景。",
        "为提高突发群体性事件处置能力，{place}近日组织公安、信访、应急等部门开展联合演练。",
    ),
    body=(
        ("演练中，工作人员第一时间到场劝导，设置警戒区，疏导现场交通。",),
        ("信访部门安排专人接待群众代表，登记诉求。",),
        ("演练结束后，各部门总结了处置中的不足。",),
        ("相关负责人表示，要坚持早发现、早报告、早处置。",),
        ("通过演练，进一步明确了各部门的职责分工和协同机制。",),
    ),
    weight=3,
)

SCENARIOS = (WAGES, STRIKE, DRIVER_STOP, HOMEOWNERS, VILLAGERS, FAMILIES, CONFLICT, SIT_IN,
             PETITION_GROUP, MASS_DRILL)
