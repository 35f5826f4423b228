"""Fire stories (火灾防治): buildings, factories and warehouses, forests, vehicles, checks."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers, vocab_places
from classifiers.seedgen.core import Scenario, Slots

FIRE = ("fire",)

BUILDINGS = (
    "居民楼", "出租屋", "自建房", "民房", "餐馆", "饭店", "酒店", "宾馆", "商铺", "农贸市场",
    "KTV", "写字楼", "地下车库", "城中村民房", "网吧", "超市", "电动车棚", "老旧小区", "商住楼",
    "烧烤店", "美容院", "小旅馆", "临街门面", "住宅楼", "公寓", "茶楼", "汽修店", "五金店",
)
WORKS = (
    "厂房", "仓库", "家具厂", "服装厂", "纸箱厂", "物流仓库", "塑料制品厂", "电子厂", "木材加工厂",
    "冷库", "纺织厂", "鞋厂", "印刷厂", "废品回收站", "泡沫厂", "快递分拣中心", "建材市场",
    "棉花仓库", "配件厂", "灯饰厂",
)
CAUSES = (
    "电动自行车充电", "电气线路老化短路", "厨房用火不慎", "烟头引燃杂物", "违规电焊作业",
    "电器使用不当", "室内堆放杂物过多", "私拉乱接电线", "蚊香引燃床单", "油锅起火",
)
BURNED = (
    "部分家具和电器", "室内物品", "两辆电动车和一批杂物", "部分货物", "一批原材料",
    "仓内大部分存货", "部分生产设备", "屋内财物",
)
ADVICE = (
    "不要在楼道、门厅为电动自行车停放充电", "外出时及时关闭电源和燃气",
    "发现火情第一时间拨打119报警", "定期检查家中电气线路", "不要占用、堵塞消防通道",
    "火灾时切勿乘坐电梯逃生", "做饭时人不要离开厨房",
)
STATUS = (
    "明火已被扑灭", "火势已得到控制", "明火已全部扑灭，正在清理余火", "扑救工作仍在进行",
    "火场已转入看守阶段",
)


def _building(rng: Random) -> Slots:
    s = vocab_events.base(rng, none_share=0.45)
    s.update(site=rng.choice(BUILDINGS), cause=rng.choice(CAUSES), burned=rng.choice(BURNED),
             advice=rng.choice(ADVICE), floor=f"{rng.randint(2, 28)}楼",
             trucks=vocab_numbers.num(rng, rng.randint(3, 15)), crew=str(rng.randint(15, 80)),
             area=vocab_numbers.rounded(rng, 10, 400), evac=str(rng.randint(8, 120)),
             station=vocab_places.short_name(s["area"]) + "消防救援大队")
    return s


def _works(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="工人", none_share=0.55)
    s.update(site=rng.choice(WORKS), cause=rng.choice(CAUSES), burned=rng.choice(BURNED),
             trucks=str(rng.randint(6, 40)), crew=str(rng.randint(30, 200)),
             area=vocab_numbers.rounded(rng, 300, 9000), advice=rng.choice(ADVICE),
             height=rng.choice(("数公里外", "几公里外", "很远处", "附近高速公路上")))
    return s


def _forest(rng: Random) -> Slots:
    s = vocab_events.base(rng, who="扑火队员", none_share=0.7, dead_max=3, injured_max=4)
    s.update(mountain=rng.choice(("林区", "山林", "山场", "林场", "国有林场", "山上", "草场",
                                  "自然保护区外围", "荒山")),
             status=rng.choice(STATUS), crew=vocab_numbers.rounded(rng, 80, 1500),
             hectare=vocab_numbers.rounded(rng, 3, 300), mu=vocab_numbers.rounded(rng, 20, 2000),
             cause=rng.choice(("祭祀用火", "农事用火", "雷击", "野外吸烟", "焚烧秸秆", "输电线路故障")),
             copters=vocab_numbers.num(rng, rng.randint(1, 6)))
    return s


def _vehicle(rng: Random) -> Slots:
    s = vocab_events.base(rng, none_share=0.75, dead_max=2, injured_max=6)
    if rng.random() < 0.5:
        s.update(spot=f"{s['highway']}{rng.randint(12, 300)}公里处", spot_head=s["highway"])
    else:
        s.update(spot=f"{s['place']}{s['road']}", spot_head=f"{s['loc']}{s['road']}")
    s.update(vehicle=rng.choice(("一辆大货车", "一辆小轿车", "一辆旅游大巴", "一辆公交车",
                                 "一辆新能源汽车", "一辆面包车", "一辆运货卡车", "一辆SUV",
                                 "一辆冷藏车", "一辆客车")),
             cargo=rng.choice(("纸箱", "棉纱", "日用品", "木材", "家具", "塑料颗粒", "服装")))
    return s


VENUES = (
    ("商场", "顾客和员工"), ("学校", "师生"), ("医院", "医护人员和患者"), ("养老院", "老人和护理员"),
    ("酒店", "住客和员工"), ("高层住宅小区", "居民"), ("农贸市场", "商户"), ("工业园区", "员工"),
    ("幼儿园", "师生"), ("地铁站", "乘客和工作人员"), ("写字楼", "上班族"), ("客运站", "旅客和员工"),
)


def _check(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    venue, people = rng.choice(VENUES)
    s.update(venue=venue, who=people, hazards=str(rng.randint(12, 480)),
             units=str(rng.randint(20, 900)), people=vocab_numbers.rounded(rng, 100, 2500),
             seconds=vocab_numbers.num(rng, rng.randint(3, 8)),
             issue=rng.choice(("消防通道被占用", "灭火器过期", "安全出口上锁", "疏散指示标志损坏",
                               "电动车违规充电", "消防栓无水")),
             season=rng.choice(("冬春", "夏季", "岁末年初", "节前", "秋冬季")))
    return s


_RESPONSE = (
    "接到报警后，{station}先后调派{trucks}辆消防车、{crew}名指战员赶赴现场处置。",
    "消防员到场时，[起火部位|{site}内]已有明火冒出，浓烟[弥漫|笼罩]整栋建筑。",
    "消防救援人员[兵分两路|分成多个小组]，一路搜救被困人员，一路出水控制火势。",
    "救援人员佩戴空气呼吸器进入室内，逐户敲门疏散居民。",
    "[经过约{minutes}分钟的扑救|经全力扑救]，明火被扑灭。",
)
_SCENE = (
    "{witness}告诉记者，当时闻到一股焦糊味，[出门一看|推开窗户]发现楼下已经冒出黑烟。",
    "现场视频显示，[黑烟从窗户不断涌出|火苗从窗口窜出]，[周围|附近]不少居民在楼下围观。",
    "记者在现场看到，起火房间外墙被熏得漆黑，[窗户玻璃全部碎裂|楼道内满是积水]。",
    "附近一名商户说，[火是从一楼烧起来的|起火前听到“啪”的一声]，几分钟后浓烟就上来了。",
    "消防部门共疏散、救出群众{evac}人。",
)
_LOSS = (
    "过火面积约{area}平方米，烧毁{burned}。", "火灾烧毁{burned}，{loss}。",
    "此次火灾过火面积约{area}平方米。",
)
_CAUSE = (
    "经初步调查，起火原因疑似{cause}。", "起火原因初步判断为{cause}，具体仍在调查中。",
    "{follow}", "火灾原因正在进一步调查中。",
)
_ADVICE = (
    "消防部门提醒，[市民|广大群众]要{advice}。",
    "{city}消防救援支队随后在辖区开展[电动自行车|高层建筑|人员密集场所]消防安全专项排查。",
    "当地应急管理部门要求各街道举一反三，全面排查火灾隐患。",
)

BUILDING = Scenario(
    "building_fire", FIRE, _building,
    heads=(
        "{loc}一{site}[突发|发生]火灾，{cas_head}",
        "{loc}{site}[起火|着火|失火] {cas_head}",
        "{loc}一{site}凌晨起火 [消防紧急扑救|居民紧急疏散]",
        "突发！{loc}一{site}起火",
        "{loc}：{site}发生火情，{trucks}辆消防车到场",
        "{loc}一{site}大火已被扑灭，{cas_head}",
        "{site}火灾{cas_head}，起火原因调查中",
        "{loc}一{site}失火 [消防员|消防]紧急处置",
        "{loc}一{site}[冒出浓烟|浓烟滚滚] 消防员[疏散|救出]{evac}人",
        "{city}{road}一{site}着火",
            ),
    leads=(
        "{time}，{place}{road}一{site}发生火灾，{station}接警后调派{trucks}辆消防车赶赴现场处置，{cas}。",
        "{time}，位于{place}的一{site}突然起火，现场浓烟滚滚，[约{minutes}分钟后明火被扑灭|火势很快得到控制]，{cas}。",
        "记者从{city}消防救援部门获悉，{time}{place}一{site}[发生|突发]火灾，{cas}，起火原因正在调查。",
        "{place}{community}附近一{site}{time}起火，消防员疏散周边{evac}名居民，{cas}。",
        "{time}，{place}一{site}发生火情，[明火已被扑灭|火势已被控制]，{cas}，初步判断系{cause}引发。",
        "据{city}消防通报，{time}{place}{road}一{site}失火，[过火面积约{area}平方米|烧毁{burned}]，{cas}。",
        "{place}一{site}{time}着火，[火苗从窗口窜出|黑烟笼罩整条街道]，消防救援人员到场扑救，{cas}。",
        "{time}{place}一{site}发生火灾，[事故|火灾]{cas}，{follow}",
    ),
    body=(_RESPONSE, _SCENE, ("{cas_after}",), _LOSS, _CAUSE, _ADVICE),
    weight=40,
)

WORKS_FIRE = Scenario(
    "works_fire", FIRE, _works,
    heads=(
        "{loc}一{site}[发生|突发]大火 浓烟[数公里外可见|冲天]",
        "{loc}一{site}起火，{trucks}辆消防车[驰援|到场扑救]",
        "{loc}{site}火灾[明火已扑灭|已被扑灭]，{cas_head}",
        "{city}一{site}突发火灾 {cas_head}",
        "{loc}：一{site}[凌晨|深夜]失火",
        "[直击|现场]｜{loc}{site}大火",
        "{loc}{site}着火 过火面积约{area}平方米",
    ),
    leads=(
        "{time}，{place}一{site}发生火灾，[火势猛烈|火势迅速蔓延]，浓烟在{height}都能看到，{cas}。",
        "{time}，{place}[工业园|工业区]内一{site}起火，当地调派{trucks}辆消防车、{crew}名消防员[到场|前往]扑救，{cas}。",
        "{place}一{site}{time}突发大火，过火面积约{area}平方米，{loss}，{cas}。",
        "{time}，{place}一{site}[着火|失火]，厂内员工[紧急疏散|随即撤离]，{cas}，{follow}",
        "据当地消防部门消息，{time}{place}一{site}发生火灾，目前{cas}，起火原因正在调查。",
    ),
    body=(
        ("[当地|{city}]消防救援支队调集{trucks}辆消防车、{crew}名指战员[到场|赶赴现场]，[设置多个水枪阵地|从多个方向]堵截火势。",
         "由于{site}内堆放大量易燃物品，火势一度[十分猛烈|蔓延迅速]。",
         "[现场|附近]群众称，滚滚浓烟在{height}都能看到。"),
        ("[经过|历经]数小时扑救，明火被扑灭，消防员仍在现场清理余火。",
         "为防止复燃，消防部门安排力量在现场看守。"),
        ("{cas_after}",),
        ("过火面积约{area}平方米，{loss}。", "火灾烧毁{burned}，{loss}。"),
        _CAUSE,
        ("当地要求全区企业立即开展消防安全隐患自查自纠。",
         "应急管理部门已责令相关企业停产整改。",
         "{city}随后部署开展厂房、仓库消防安全专项整治。"),
    ),
    weight=25,
)

FOREST = Scenario(
    "forest_fire", FIRE, _forest,
    heads=(
        "{loc}发生森林火灾 {crew}人[正在扑救|连夜扑救]",
        "{loc}山火[明火已扑灭|已得到控制]",
        "{loc}{mountain}起火 [直升机|消防员]紧急[驰援|扑救]",
        "{loc}森林火灾过火面积约{hectare}公顷",
        "{loc}突发山火，{cas_head}",
        "{loc}一{mountain}发生火情，[扑火队员|当地干部群众]全力扑救",
    ),
    leads=(
        "{time}，{place}{mountain}发生森林火灾，当地组织{crew}余名扑救人员全力扑救，截至目前，{status}。",
        "{time}，{place}境内一处{mountain}起火，{copters}架直升机参与扑救，[火场过火面积约{hectare}公顷|过火面积约{mu}亩]，{cas}。",
        "据{city}应急管理局消息，{time}{place}发生一起森林火灾，{status}，{cas}。",
        "{place}{village}附近{mountain}{time}突发山火，[初步判断|经初步调查]系{cause}引发，{status}。",
    ),
    body=(
        ("火灾发生后，当地立即启动森林火灾应急预案，调集专业扑火队、消防救援队伍和民兵赶赴火场。",
         "由于火场[风大|坡陡|植被茂密]，扑救难度较大。",
         "扑火队员分成多个小组，采取[以水灭火|开设隔离带|风力灭火]等方式推进。"),
        ("截至记者发稿时，{status}。", "目前，火场周边群众已安全转移。"),
        ("当地还调集洒水车和挖掘机，在火场外围开挖隔离带，防止火势向村庄蔓延。",
         "{copters}架直升机轮番吊桶取水，对火头进行空中洒水。",
         "前方指挥部将火场划分为若干区段，实行分段包干。"),
        ("[初步判断|据初步调查]，起火原因系{cause}。", "{cas_after}"),
        ("{village}一名村干部说，火是从山脚烧起来的，风一吹很快就蔓延到了半山腰。",
         "[入夜后|傍晚时分]，山上仍能看到一条条火线，[附近村民|村里的青壮年]也自发上山帮忙。"),
        ("当地森林防火指挥部提醒，进入林区严禁携带火种，严禁野外用火。",
         "当前正值森林防火[紧要期|高火险期]，各地要严防死守。"),
    ),
    weight=20,
)

VEHICLE = Scenario(
    "vehicle_fire", FIRE, _vehicle,
    heads=(
        "{spot_head}{vehicle}突然起火",
        "{spot_head}{vehicle}行驶中[自燃|冒烟起火]",
        "{spot_head}{vehicle}起火 司机[及时|紧急]下车",
        "{spot_head}一辆满载{cargo}的货车着火",
        "{vehicle}在{spot_head}起火，{cas_head}",
    ),
    leads=(
        "{time}，{vehicle}在{spot}行驶时突然起火，[消防救援人员|交警和消防员]赶到后将火扑灭，{cas}。",
        "{time}，行驶在{spot}的{vehicle}[突然冒烟起火|发生自燃]，[司机|驾驶员]发现后立即停车撤离，{cas}。",
        "{time}，一辆满载{cargo}的货车在{spot}起火，车上货物被烧毁，消防部门到场扑救，{cas}。",
    ),
    body=(
        ("[消防员|救援人员]到场时，车辆[前部|车厢]已经被大火[吞没|包围]，现场[黑烟滚滚|火光冲天]。",
         "据司机回忆，车辆行驶途中[仪表盘突然报警|闻到一股焦味]，随后车头开始冒烟。"),
        ("消防员[架设水枪|使用泡沫]进行扑救，约{minutes}分钟后明火被扑灭。",
         "为防止复燃，消防员对车辆进行了冷却降温处理。"),
        ("事发路段一度[交通拥堵|实行临时交通管制]，[交警|高速交警]在现场疏导交通。",
         "受此影响，该路段车辆排起了数公里长队。"),
        ("{follow}", "{cas_after}"),
        ("消防部门提醒，[车辆要定期检修|夏季要注意车辆线路检查]，车上不要放置打火机等易燃物品。",),
    ),
    weight=10,
)

INSPECTION = Scenario(
    "fire_inspection", FIRE, _check,
    heads=(
        "{loc}开展消防安全[大检查|专项检查] 排查火灾隐患{hazards}处",
        "{city}启动{season}火灾防控专项行动",
        "{loc}[检查|督查]{units}家单位 督促整改火灾隐患",
        "{loc}集中整治{venue}消防隐患",
    ),
    leads=(
        "连日来，{place}[消防救援大队|应急管理局]联合相关部门对{venue}等人员密集场所开展消防安全检查，共排查火灾隐患{hazards}处。",
        "为防范化解火灾风险，{place}近日启动消防安全专项整治，重点检查电动自行车违规停放充电和消防通道堵塞等问题。",
        "记者从{city}应急管理局获悉，全市{season}火灾防控专项行动已检查单位{units}家，整改火灾隐患{hazards}处。",
    ),
    body=(
        ("检查中发现，部分单位存在{issue}等问题。",
         "执法人员逐一查看了消防设施、疏散通道和电气线路。"),
        ("对检查发现的隐患，执法人员当场下达整改通知书，要求限期整改。",
         "对拒不整改的单位，将依法予以查封并处罚。"),
        ("此次共检查单位{units}家，督促整改隐患{hazards}处。",
         "检查组还向经营者发放了消防安全告知书和宣传资料。"),
        ("检查中，执法人员现场示范了灭火器和消火栓的使用方法。",
         "对{venue}等场所，检查组重点查看了消防控制室值班和自动消防设施运行情况。"),
        ("下一步，当地将持续开展火灾隐患排查整治，坚决遏制较大以上火灾事故发生。",
         "相关负责人表示，将把检查常态化，确保不留死角。"),
    ),
    weight=3,
)

DRILL = Scenario(
    "fire_drill", FIRE, _check,
    heads=(
        "{loc}一{venue}举行消防应急疏散演练",
        "{loc}{venue}开展消防演练 {people}人参与",
        "{city}{venue}消防演练：{seconds}分钟完成疏散",
    ),
    leads=(
        "{day}，{place}一{venue}开展消防应急疏散演练，{people}名{who}在{seconds}分钟内有序撤离。",
        "近日，{place}消防救援大队走进{venue}，组织{who}开展火灾应急疏散和初起火灾扑救演练。",
    ),
    body=(
        ("警报响起后，{who}用湿毛巾捂住口鼻，弯腰沿疏散通道快速撤离。",
         "演练模拟{venue}一楼发生火情，值班人员第一时间报警并启动应急预案。"),
        ("现场，微型消防站队员迅速铺设水带，对模拟火点进行扑救。",
         "演练前，组织方已对{who}进行了疏散路线和集合点的讲解。"),
        ("演练结束后，消防员现场讲解了灭火器使用方法和火场逃生要领。",
         "消防员还演示了灭火毯、消防软管卷盘的使用方法。"),
        ("此次演练进一步提高了{who}的消防安全意识和自救互救能力。",
         "组织方表示，类似演练每年将开展两次以上。"),
    ),
    weight=3,
)

SCENARIOS = (BUILDING, WORKS_FIRE, FOREST, VEHICLE, INSPECTION, DRILL)
