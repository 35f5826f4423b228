"""Flood and drought stories (防汛抗旱, 三防): rain, typhoons, rivers, landslides, drought,
warnings, drills; the flood stories that need relief supplies are labelled with both."""

from random import Random

from classifiers.seedgen import vocab
from classifiers.seedgen.core import Scenario, Slots

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
def _rain(rng: Random) -> Slots:
    s = vocab.base(rng, none_share=0.7, dead_max=2, injured_max=4, missing_share=0.1,
                   disaster=True)
    s.update(mm=str(rng.randint(80, 420)), hours=vocab.num(rng, rng.randint(1, 12)),
             roads=str(rng.randint(3, 60)), cars=str(rng.randint(5, 300)),
             evac=vocab.rounded(rng, 50, 20000), color=rng.choice(COLORS[1:]),
             level=rng.choice(LEVELS), ahead=rng.choice(("6", "12", "24", "48")),
             river=rng.choice(ZHUHAI_RIVERS if s["zhuhai"] else RIVERS.get(s["prov"], ("境内河流",))),
             depth=rng.choice(("没过膝盖", "没过车轮", "齐腰深", "近1米", "半米多")))
    return s


def _slope(rng: Random) -> Slots:
    s = _rain(rng)
    while s["prov"] in FLAT:
        s = _rain(rng)
    return s


def _typhoon(rng: Random) -> Slots:
    s = _rain(rng)
    s.update(vocab.coastal_place(rng))
    s.update(typhoon=f"“{rng.choice(TYPHOON_NAMES)}”", no=f"第{rng.randint(1, 22)}号台风",
             force=str(rng.randint(10, 16)), boats=vocab.rounded(rng, 200, 8000),
             speed=str(rng.randint(28, 52)))
    return s


def flood_slots(rng: Random) -> Slots:
    """Flood slots: rain, river, evacuation and supply numbers."""
    s = _rain(rng)
    s.update(over=f"{rng.randint(1, 350) / 100:.2f}米", sites=str(rng.randint(3, 90)),
             supplies="、".join(rng.sample(SUPPLIES, 3)), pieces=vocab.rounded(rng, 500, 60000),
             people=vocab.rounded(rng, 1000, 300000))
    return s


def _drought(rng: Random) -> Slots:
    s = flood_slots(rng)
    s.update(days=str(rng.randint(40, 160)), crops=str(rng.randint(2, 60)),
             thirsty=vocab.rounded(rng, 2000, 90000), pct=str(rng.randint(30, 90)))
    return s


_RAIN_BODY = (
    ("受强降雨影响，{roads}条道路出现积水，部分路段积水{depth}。",
     "记者在{road}看到，路面积水{depth}，多辆汽车[熄火|被困]在水中。",
     "城区[多个地下车库|部分低洼小区|一处地铁站出入口]进水，{cars}辆车辆被淹。"),
    ("{city}三防指挥部于{time2}启动防汛{level}应急响应。",
     "气象部门数据显示，[过去{hours}小时|当天]最大累计雨量达{mm}毫米。"),
    ("当地已转移安置群众{evac}人，[消防|应急]队伍转移被困人员。",
     "排水抢险队伍出动[大功率抽水泵|排涝车辆]，全力排除积水。",
     "{witness}说，水是半夜涨上来的，一楼的家具电器都泡了。"),
    ("{cas_after}",),
    ("气象部门预计，未来{ahead}小时当地仍有强降雨，[防汛形势严峻|请市民注意防范]。",
     "三防部门提醒，市民尽量减少外出，不要涉水通行，远离低洼地带和危险边坡。"),
)
RAIN = Scenario(
    "rainstorm", FLOOD, _rain,
    heads=(
        "{loc}遭遇强降雨 多处路段积水",
        "{loc}暴雨致城区内涝，车辆泡水",
        "{loc}：暴雨突袭，{roads}条道路[交通中断|积水严重]",
        "{loc}强降雨引发内涝 [地下车库|低洼小区]进水",
        "路面大面积积水车辆熄火 {loc}启动防汛应急响应",
        "{loc}特大暴雨 最大降雨量达{mm}毫米",
        "{loc}启动防汛{level}应急响应",
        "暴雨中的{loc}：积水{depth}",
        "{loc}暴雨成灾，转移群众{evac}人",
    ),
    leads=(
        "{time}起，{place}遭遇强降雨，[最大累计雨量达{mm}毫米|{hours}小时降雨量达{mm}毫米]，城区多处路段积水严重，{cas}。",
        "受持续强降雨影响，{place}多处出现内涝，{roads}条道路交通中断，当地已转移群众{evac}人。",
        "{time}，{place}突降暴雨，{road}等路段积水{depth}，大量车辆熄火，交警在现场疏导。",
        "{city}三防指挥部{time}将防汛应急响应提升至{level}，{place}等地已出现内涝。",
        "{time}，一场强降雨袭击{place}，部分[村庄|小区|街道]被淹，{cas}，救援人员正在转移被困群众。",
        "{place}{time}遭遇短时强降雨，{hours}小时内降雨{mm}毫米，城区[多个|部分]路段积水。",
    ),
    body=_RAIN_BODY,
    weight=30,
)

TYPHOON = Scenario(
    "typhoon", FLOOD, _typhoon,
    heads=(
        "台风{typhoon}登陆{loc} 风力达{force}级",
        "{no}{typhoon}逼近 {loc}启动防风{level}应急响应",
        "防御台风{typhoon}：{loc}转移群众{evac}人",
        "台风{typhoon}过境 {loc}多处树木倒伏",
        "{loc}迎战台风{typhoon}，{boats}艘渔船回港避风",
        "台风{typhoon}来袭 {loc}停课停工",
    ),
    leads=(
        "今年{no}{typhoon}于{time}在{place}沿海登陆，登陆时中心附近最大风力{force}级，{cas}。",
        "受台风{typhoon}影响，{place}{time}出现狂风暴雨，多处树木倒伏，部分路段积水，当地已转移群众{evac}人。",
        "为防御台风{typhoon}，{city}三防指挥部{time}启动防风{level}应急响应，全市{boats}艘渔船已全部回港避风。",
        "气象台{time}发布台风{color}预警，{no}{typhoon}正以每小时{speed}公里左右的速度向{place}沿海靠近。",
        "台风{typhoon}登陆后，{place}[多个镇街|部分区域]出现停电和积水，{cas}，抢修工作正在进行。",
    ),
    body=(
        ("{city}已启动[停课|停工、停业]等措施，[滨海景区|海上作业平台]全部关闭。",
         "当地提前转移[危房|低洼地带|海上养殖]人员，[落实|安排]专人值守。"),
        ("受台风影响，{roads}条道路出现积水或树木倒伏，[供电|通信]一度中断。",
         "记者在{road}看到，多棵行道树被连根拔起，[广告牌被吹落|一些临时围挡被掀翻]。"),
        ("{cas_after}", "目前，受损电力线路正在抢修中。"),
        ("三防部门提醒，台风影响期间请市民[留在室内|关好门窗]，不要到海边观浪。",
         "气象部门预计，台风{typhoon}将继续给当地带来强降雨，防风防汛形势依然严峻。"),
        ("[截至目前|截至发稿时]，当地已开放避护场所[数十个|一百多个]。",),
    ),
    weight=20,
)

RIVER = Scenario(
    "river_flood", FLOOD, flood_slots,
    heads=(
        "{loc}遭遇洪水 全力防汛抢险",
        "{river}{loc}段出现[汛情|洪水过程]",
        "{loc}发生洪涝 紧急转移群众{evac}人",
        "{loc}洪水来袭，[干部群众|抢险队员]连夜[转移群众|巡堤查险]",
        "{loc}[汛情|水情]告急：{river}水位持续上涨",
    ),
    leads=(
        "受持续强降雨影响，{river}{place}段水位{time}超过警戒水位{over}，当地已转移群众{evac}人。",
        "{time}，{place}发生洪涝灾害，{village}等多个村庄被淹，{cas}。",
        "{time}，{place}一段河堤出现管涌险情，当地组织[抢险队员|干部群众]连夜抢护，险情[已得到控制|正在处置]。",
        "{river}洪峰{time}通过{place}，沿线堤防[全线布防|24小时巡查]，{cas}。",
        "因上游来水增加，{place}一座水库{time}开闸泄洪，下游{evac}名群众已提前转移。",
    ),
    body=(
        ("当地[防汛|三防]指挥部启动{level}应急响应，组织抢险队伍赶赴一线。",
         "消防救援人员驾驶冲锋舟进村，逐户转移被困群众。"),
        ("记者在现场看到，[洪水漫过了村道|农田一片汪洋|一些房屋只露出屋顶]。",
         "{witness}说，水涨得太快，一两个小时就漫进了家里。"),
        ("{cas_after}",),
        ("目前，沿线堤防已安排专人24小时巡查值守。",
         "水文部门预计，{river}水位将在未来{hours}天内继续[上涨|高位运行]。"),
        ("当地提醒群众远离河道，不要在洪水中捕鱼、游泳。",),
        ("[截至发稿时|目前]，当地已投入抢险人员[上千人|数百人]，调运编织袋、砂石料等防汛物资一批。",
         "被转移的群众已被安置在附近学校和村委会，生活物资供应正常。"),
    ),
    weight=15,
)

RIVER_RELIEF = Scenario(
    "flood_relief", FLOOD_RELIEF, flood_slots,
    heads=(
        "{loc}洪灾受灾群众已全部安置",
        "{loc}洪涝灾区急需{supplies}",
        "{loc}紧急调拨救灾物资支援洪涝灾区",
        "洪水过后 {loc}{sites}个安置点保障群众生活",
        "{loc}暴雨洪涝受灾{people}人 救灾物资运抵",
    ),
    leads=(
        "受暴雨洪涝灾害影响，{place}{people}人受灾，当地已设立{sites}个临时安置点，紧急调拨{supplies}等救灾物资。",
        "{time}，一批{supplies}等救灾物资运抵{place}洪涝灾区，将分发给受灾群众。",
        "洪水过后，{place}转移安置群众{evac}人，安置点内饮用水、食品和床铺等生活物资供应充足。",
        "针对{place}暴雨洪涝灾害，[省应急管理厅|市应急管理局]紧急调拨{pieces}件救灾物资，支持灾区做好受灾群众生活救助。",
    ),
    body=(
        ("记者在安置点看到，[一排排帐篷|整齐的折叠床]已经搭好，工作人员正在分发{supplies}。",
         "安置点设有医疗点和临时厨房，保障受灾群众吃上热饭、有干净的水喝。"),
        ("据统计，此次洪涝灾害造成{people}人受灾，{sites}个村庄受到不同程度影响。",
         "{witness}说，家里进水后被转移到了安置点，吃住都有保障。"),
        ("{cas_after}",),
        ("[民政|应急管理]部门已启动救灾应急响应，确保受灾群众有饭吃、有衣穿、有干净水喝、有安全住处。",
         "后续，当地将根据灾情继续做好物资调拨和过渡期生活救助。"),
        ("[爱心企业|社会组织]也纷纷捐赠物资，支援灾区。",),
    ),
    weight=12,
)

LANDSLIDE = Scenario(
    "landslide", FLOOD, _slope,
    heads=(
        "{loc}发生山体滑坡 {cas_head}",
        "{loc}突发泥石流，[房屋被埋|道路中断]",
        "{loc}山洪暴发，{cas_head}",
        "{loc}：强降雨引发地质灾害 {cas_head}",
        "{loc}一处边坡垮塌，[道路中断|部分房屋受损]",
    ),
    leads=(
        "{time}，受强降雨影响，{place}{village}发生山体滑坡，{cas}，救援工作正在进行。",
        "{time}，{place}突发山洪泥石流，[多间民房被冲毁|部分道路中断]，{cas}。",
        "{time}，{place}一处山体发生滑坡，[掩埋了部分民房|阻断了县道]，当地已紧急转移周边群众{evac}人。",
        "记者从{city}应急管理局获悉，{time}{place}因强降雨引发地质灾害，{cas}，当地已启动应急响应。",
    ),
    body=(
        ("事发后，当地立即调派消防、应急和自然资源等部门赶赴现场处置。",
         "救援人员借助生命探测仪和挖掘机，全力搜寻失联人员。"),
        ("据了解，事发前当地已连续降雨多日，[山体土质松软|雨水渗入坡体]。",
         "{witness}说，当时听到山上传来轰隆声，紧接着泥土石块就冲了下来。"),
        ("{cas_after}",),
        ("自然资源部门正在对周边隐患点开展排查，防止次生灾害。", "{follow}"),
        ("当地提醒群众，雨天远离山边、河边和沟口，发现异常及时撤离。",),
    ),
    weight=12,
)

DROUGHT = Scenario(
    "drought", FLOOD, _drought,
    heads=(
        "{loc}旱情持续 {crops}万亩农作物受旱",
        "{loc}启动抗旱{level}应急响应",
        "{loc}持续干旱 [群众|农田]盼雨",
        "{loc}全力抗旱 [保障群众饮水|保秋粮生产]",
        "{loc}抗旱保供水：{thirsty}人饮水受影响",
    ),
    leads=(
        "今年入夏以来，{place}降雨量较常年同期偏少{pct}%，旱情持续发展，{crops}万亩农作物受旱。",
        "受持续高温少雨影响，{place}多条河道断流，部分村庄出现饮水困难，当地已启动抗旱{level}应急响应。",
        "{time}，{place}抓住有利天气时机开展人工增雨作业，全力缓解旱情。",
        "{place}已连续{days}天无有效降雨，{thirsty}人饮水受到影响，当地正组织送水车逐村送水。",
    ),
    body=(
        ("记者在{village}看到，[稻田干裂|池塘见底|玉米叶子卷了起来]。",
         "{witness}说，村里的水井已经抽不上水，只能等送水车。"),
        ("当地水务部门调度水库放水，优先保障群众饮用水。",
         "农业部门组织技术人员下村，指导农户科学抗旱、及时补种。"),
        ("气象部门预计，未来一段时间当地降雨仍然偏少，旱情可能进一步发展。",
         "据统计，全[市|县]水库蓄水量较常年同期偏少{pct}%。"),
        ("当地提醒群众节约用水，合理安排生产生活用水。",),
        ("[抗旱|供水]部门已打设应急水井[数十口|多口]，铺设临时供水管道。",),
        ("县里组织[消防车|送水车]每天定时定点为缺水村庄送水。",
         "[气象|人影]部门将抓住有利时机继续开展人工增雨作业。"),
    ),
    weight=10,
)

DROUGHT_RELIEF = Scenario(
    "drought_relief", FLOOD_RELIEF, _drought,
    heads=(
        "{loc}调拨抗旱物资 保障群众饮水",
        "{loc}旱区送水保障{thirsty}人饮水",
    ),
    leads=(
        "针对持续旱情，{place}紧急调拨水泵、水管和饮用水等抗旱救灾物资，保障{thirsty}名受旱群众基本生活。",
        "{time}，一批抗旱救灾物资运抵{place}受旱村庄，包括[抽水泵|储水桶|桶装水]等，将发放到户。",
    ),
    body=(
        ("当地应急管理部门已启动旱灾救助应急响应，对受旱困难群众开展生活救助。",
         "送水车每天往返于各村之间，确保群众有水喝。"),
        ("{witness}说，物资送到了家门口，心里踏实多了。",
         "据统计，当地已发放救助物资[数千件|上万件]。"),
        ("气象部门预计，当地降雨仍然偏少，旱情仍将持续。",),
        ("下一步，当地将继续做好受灾群众生活保障，确保不漏一户、不落一人。",),
        ("据了解，此次发放的抗旱物资包括[抽水泵|水管|储水桶]和桶装饮用水。",
         "对因旱生活困难群众，当地还发放了临时救助金。"),
        ("村干部逐户走访摸排，掌握[独居老人|困难家庭]的用水需求。",),
    ),
    weight=4,
)

_WARNING_BODY = (
    ("气象部门提醒，强降雨可能引发城乡积水、山洪和山体滑坡等灾害，请注意防范。",
     "预计强降雨将持续到{time2}，累计雨量可达{mm}毫米。"),
    ("三防部门要求各镇街加强值班值守，对[水库|河道|地质灾害隐患点]开展巡查。",
     "各级防汛责任人已全部到岗到位，抢险队伍和物资随时待命。"),
    ("建议中小学、幼儿园根据实际情况调整[上下学时间|教学安排]。",
     "[户外作业|建筑工地]应视情况停止作业。"),
    ("[低洼地带|地下空间]的商户和居民要提前做好防水准备。",
     "驾车出行要注意避开积水路段，切勿冒险涉水。"),
    ("市民如遇险情可拨打110或119求助。",
     "相关部门将根据雨情发展，适时调整应急响应级别。"),
)
RAIN_WARNING = Scenario(
    "rain_warning", FLOOD, _rain,
    heads=(
        "{loc}气象台发布暴雨{color}预警",
        "暴雨{color}预警生效中！{loc}部分地区将有大暴雨",
        "{loc}暴雨{color}预警：[请做好防御|减少外出]",
        "{loc}山洪灾害气象风险预警：[注意防范|请提前转移]",
    ),
    leads=(
        "{city}气象台{time}发布暴雨{color}预警信号，预计未来{ahead}小时{place}等地将出现大暴雨，局部特大暴雨。",
        "{time}，{place}发布山洪灾害气象风险预警，提醒沿河、沿山群众注意防范，必要时提前转移。",
        "{city}气象台{time}将暴雨预警信号升级为{color}，{place}[已出现|将迎来]强降雨，请注意防范。",
    ),
    body=_WARNING_BODY,
    weight=6,
)

RESPONSE = Scenario(
    "response", FLOOD, _typhoon,
    heads=(
        "{city}三防指挥部启动防汛{level}应急响应",
        "{loc}启动防风{level}应急响应",
        "{loc}防汛应急响应提升至{level}",
    ),
    leads=(
        "{city}三防指挥部决定于{time}启动防汛{level}应急响应，要求各地各部门做好强降雨防御工作。",
        "鉴于{no}{typhoon}可能对当地造成严重影响，{city}三防指挥部{time}启动防风{level}应急响应。",
    ),
    body=_WARNING_BODY,
    weight=4,
)

TYPHOON_WARNING = Scenario(
    "typhoon_warning", FLOOD, _typhoon,
    heads=(
        "{loc}发布台风{color}预警 [请做好防御|提醒市民减少外出]",
        "{no}{typhoon}生成 {loc}发布台风{color}预警",
    ),
    leads=(
        "受{no}{typhoon}外围影响，{city}气象台{time}发布台风{color}预警，提醒市民做好防风防雨准备。",
        "气象台{time}发布台风{color}预警，{no}{typhoon}正以每小时{speed}公里左右的速度向{place}沿海靠近。",
    ),
    body=(
        ("预计台风{typhoon}将于{time2}前后在沿海登陆，登陆时风力可达{force}级。",
         "受其影响，当地将出现[狂风暴雨|大风和强降雨]天气。"),
        ("[海事|渔业]部门已通知海上作业渔船回港避风，[客运航线|滨海景区]将视情况停航关闭。",
         "{boats}艘渔船已陆续回港。"),
        ("三防部门提醒市民，提前收好阳台花盆等易坠物品，台风期间尽量不要外出。",),
        ("各地已对[临时工棚|广告牌|危旧房屋]等开展排查加固。",),
        ("相关部门将密切关注台风动向，及时发布预警信息。",),
    ),
    weight=4,
)

FLOOD_DRILL = Scenario(
    "flood_drill", FLOOD, flood_slots,
    heads=(
        "{loc}开展防汛应急演练",
        "{loc}举行防汛抢险综合演练",
        "{loc}：实战化防汛演练检验应急能力",
    ),
    leads=(
        "{day}，{place}举行防汛抢险应急演练，模拟强降雨导致{river}水位上涨、村庄被淹等险情。",
        "近日，{place}三防办组织开展防汛应急演练，消防、民兵、抢险队员等{sites}支队伍参加，检验汛期应急处置能力。",
    ),
    body=(
        ("演练中，抢险队员驾驶冲锋舟转移被困群众，并开展堤防管涌封堵。",
         "演练设置了[群众转移|堤防抢险|水上救援]等多个科目。"),
        ("[无人机|应急通信车]实时回传现场画面，指挥部据此调度救援力量。",),
        ("演练结束后，防汛专家从指挥调度、队伍协同和物资保障等方面进行了点评。",),
        ("通过演练，进一步提高了应对洪涝灾害的实战能力。",),
        ("相关负责人表示，要以演练促备汛，确保安全度汛。",),
    ),
    weight=2,
)

FLOOD_CHECK = Scenario(
    "flood_check", FLOOD, flood_slots,
    heads=(
        "{loc}汛前检查：排查隐患{sites}处",
        "{loc}水库安全度汛检查全面启动",
        "{loc}开展汛前隐患排查",
    ),
    leads=(
        "入汛前，{place}组织对辖区水库、河道堤防和易涝点开展汛前检查，共排查隐患{sites}处。",
        "为确保安全度汛，{place}近日对辖区[小型水库|山塘|排涝泵站]逐一检查，落实防汛责任人。",
    ),
    body=(
        ("检查组重点查看了[水库大坝|泄洪设施|防汛物资仓库]等情况，详细询问了[防汛值班|应急预案|抢险队伍]落实情况。",),
        ("对发现的[坝体渗漏|排水不畅|防汛物资不足]等隐患，当地建立台账，明确责任人和整改时限，实行销号管理。",),
        ("据介绍，当地共有[小型水库|山塘|易涝点]{sites}处，均已落实行政、技术和巡查三个责任人。",),
        ("目前，当地已储备[编织袋|救生衣|抽水泵]等防汛物资一批。",),
        ("[当地|{city}]还组织基层防汛责任人开展了专题培训。",),
        ("相关负责人表示，要确保汛前隐患全部整改到位。",),
    ),
    weight=3,
)

SCENARIOS = (RAIN, TYPHOON, RIVER, RIVER_RELIEF, LANDSLIDE, DROUGHT, DROUGHT_RELIEF,
             RAIN_WARNING, RESPONSE, TYPHOON_WARNING, FLOOD_DRILL, FLOOD_CHECK)
