"""Relief-supply stories (救灾物资): disasters needing relief, allocations, shelters, stocks, gifts."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers, vocab_places
from classifiers.seedgen.core import Scenario, Slots
from classifiers.seedgen.flood import RIVER_RELIEF
from classifiers.seedgen.flood_slots import FLOOD_RELIEF, SUPPLIES, flood_slots

RELIEF = ("relief_supplies",)

OTHER_DISASTERS = (
    ("冰雹", "风雹灾害", "农作物大面积受损", "冰雹有鸡蛋那么大，地里的庄稼全毁了"),
    ("暴雪", "雪灾", "部分蔬菜大棚被压垮", "大雪下了整整一夜，大棚一个接一个被压塌"),
    ("龙卷风", "龙卷风灾害", "部分房屋屋顶被掀翻", "风大得站不住人，屋顶的瓦片全被卷走了"),
    ("低温雨雪冰冻", "低温雨雪冰冻灾害", "电力线路结冰受损", "电线上挂满了冰凌，村里停了两天电"),
    ("寒潮", "寒潮冻害", "果树和农作物受冻", "一夜之间果树全冻坏了，今年的收成没指望了"),
    ("强对流天气", "风雹灾害", "多处厂房和民房受损", "狂风夹着冰雹砸下来，窗户玻璃都碎了"),
)


def _quake(rng: Random) -> Slots:
    s = vocab_events.base(rng, dead_max=3, injured_max=30, none_share=0.55, missing_share=0.02,
                          disaster=True)
    mag = rng.choice((3.1, 3.5, 3.8, 4.0, 4.2, 4.6, 4.9, 5.0, 5.2, 5.5, 5.8, 6.0, 6.2, 6.6, 6.8))
    s.update(mag=f"{mag:.1f}", depth=str(rng.randint(8, 30)),
             houses=vocab_numbers.rounded(rng, 30, 9000), tents=vocab_numbers.rounded(rng, 200, 20000),
             supplies="、".join(rng.sample(SUPPLIES, 3)), pieces=vocab_numbers.rounded(rng, 2000, 80000),
             rescuers=vocab_numbers.rounded(rng, 100, 3000), people=vocab_numbers.rounded(rng, 500, 90000))
    if s["zhuhai"]:
        s.update(vocab_places.place(rng, zhuhai_share=0.0))
    return s


def _other(rng: Random) -> Slots:
    s = flood_slots(rng)
    what, disaster, damage, quote = rng.choice(OTHER_DISASTERS)
    s.update(what=what, disaster=disaster, damage=damage, quote=quote,
             crops=str(rng.randint(1, 40)),
             loss_yuan="直接经济损失约" + vocab_numbers.amount_wan(rng, 300, 9000))
    return s


_QUAKE_BODY = (
    ("震中附近[多个乡镇|多个村庄]震感强烈，部分群众跑到室外空地避险。",
     "震中周边{people}人受到影响，[当地|多地]群众震感明显。"),
    ("地震发生后，当地立即启动地震应急响应，调集{rescuers}名救援人员赶赴震区。",
     "[应急管理|地震]部门派出工作组赶赴震区，指导抗震救灾工作。"),
    ("地震造成{houses}间房屋[受损|出现裂缝]，{cas}。", "{cas_after}"),
    ("目前，已向灾区调拨{supplies}等救灾物资{pieces}件。",
     "安置点已搭设帐篷{tents}顶，受灾群众得到妥善安置。"),
    ("{witness}说，当时床晃得厉害，家里的东西掉了一地，全家赶紧跑到楼下空地。",
     "不少群众在空地上搭起帐篷过夜。"),
    ("专家提醒，震区近期仍可能发生余震，请群众不要进入受损房屋。",
     "目前，震区水、电、通信基本正常。"),
)
QUAKE = Scenario(
    "earthquake", RELIEF, _quake,
    heads=(
        "{loc}发生{mag}级地震 震源深度{depth}千米",
        "{loc}{mag}级地震{cas_head}",
        "{loc}地震：{houses}间房屋受损",
        "{loc}{mag}级地震 [多地震感明显|救援力量赶赴震区]",
        "{loc}震区紧急调拨{tents}顶帐篷",
        "{loc}发生{mag}级地震，[暂无伤亡报告|{cas_head}]",
    ),
    leads=(
        "据中国地震台网正式测定，{time}在{place}发生{mag}级地震，震源深度{depth}千米，{cas}。",
        "{time}，{place}发生{mag}级地震，震中周边[多地|多个乡镇]震感强烈，当地已紧急调拨{supplies}等救灾物资。",
        "{place}{time}发生{mag}级地震，造成{houses}间房屋受损，{cas}，救援工作正在进行。",
        "地震发生后，{city}立即启动应急响应，调集{rescuers}名救援人员和一批{supplies}赶赴{place}震区。",
        "{time}{place}发生{mag}级地震后，当地群众震感明显，不少人跑到室外空地避险，{cas}。",
    ),
    body=_QUAKE_BODY,
    weight=30,
)

ALLOCATE = Scenario(
    "allocation", RELIEF, _other,
    heads=(
        "[应急管理部|省应急管理厅]向{loc}调拨救灾物资{pieces}件",
        "{loc}紧急调拨{supplies}支援灾区",
        "一批中央救灾物资运抵{loc}",
        "{loc}启动{level}救灾应急响应",
        "{loc}{disaster}：调拨{pieces}件救灾物资",
    ),
    leads=(
        "针对{place}近日发生的{disaster}，[应急管理部|省应急管理厅]会同有关部门紧急调拨{supplies}等救灾物资{pieces}件，支持做好受灾群众生活救助。",
        "{time}，一批包括{supplies}在内的救灾物资运抵{place}，将尽快发放到受灾群众手中。",
        "{place}遭受{disaster}后，当地启动{level}救灾应急响应，已调拨救灾物资{pieces}件。",
    ),
    body=(
        ("这批物资从[省级救灾物资储备库|中央救灾物资储备库]连夜发出，经公路运输抵达灾区。",
         "物资到达后，当地组织人员连夜分拣，按照受灾程度分配到各乡镇。"),
        ("据统计，此次{disaster}共造成{people}人受灾，{damage}。",
         "灾害造成{crops}万亩农作物受灾，{loss_yuan}。"),
        ("当地要求确保救灾物资发放公开透明，优先保障困难群众。",
         "[民政|应急]部门将对因灾生活困难群众给予临时救助。"),
        ("{witness}领到了棉被和方便食品，连声说政府送来的物资很及时。",),
        ("下一步，当地将做好过渡期生活救助和倒损民房恢复重建工作。",),
    ),
    weight=15,
)

OTHER = Scenario(
    "other_disaster", RELIEF, _other,
    heads=(
        "{loc}遭遇{what}袭击 {damage}",
        "{loc}{disaster}致{people}人受灾",
        "{loc}突发{disaster}，受灾群众得到妥善安置",
        "{loc}遭{what}重创 [救灾工作有序开展|救助物资发放到户]",
    ),
    leads=(
        "{time}，{place}遭遇{what}袭击，{damage}，{cas}，当地已启动救灾应急响应。",
        "受{what}影响，{place}发生{disaster}，造成{people}人受灾，{crops}万亩农作物受损，{loss_yuan}。",
        "{time}{place}突发{disaster}，当地连夜转移安置受灾群众{evac}人，并发放棉被、食品等生活物资。",
    ),
    body=(
        ("灾害发生后，当地应急管理部门立即组织力量核查灾情。",
         "{witness}说，{quote}。"),
        ("据初步统计，灾害造成{people}人受灾，{damage}。", "{cas_after}"),
        ("当地已向受灾群众发放{supplies}等救灾物资。",
         "对倒损房屋的受灾群众，当地已安排集中安置或投亲靠友。"),
        ("保险机构已启动理赔快速通道，开展查勘定损。",
         "农业部门组织技术人员指导灾后生产恢复。"),
        ("下一步，当地将做好受灾群众基本生活保障工作。",),
    ),
    weight=12,
)

SHELTER = Scenario(
    "shelter", RELIEF, _quake,
    heads=(
        "走进{loc}灾后安置点",
        "{loc}{tents}顶帐篷里的灾后生活",
        "{loc}受灾群众温暖过冬有保障",
        "{loc}灾区过渡安置：{supplies}已发放到位",
    ),
    leads=(
        "灾后的{place}安置点里，一排排蓝色帐篷整齐排列，{supplies}等生活物资已发放到每户受灾群众手中。",
        "随着气温下降，{place}为受灾群众发放棉被、棉衣等过冬物资，确保群众温暖过冬。",
        "在{place}的临时安置点，受灾群众已住进活动板房，水、电和热食供应正常。",
    ),
    body=(
        ("安置点内设有[医疗点|临时学校|公共厨房]，工作人员每天巡查帐篷安全。",
         "志愿者为老人和孩子送来[热水|药品|学习用品]。"),
        ("{witness}说，房子裂了不敢住，在这里吃住都不愁。",
         "目前，安置点共安置群众{people}人。"),
        ("当地已发放救灾物资{pieces}件，过渡期生活救助资金正在发放。",),
        ("受损房屋的安全鉴定和维修加固工作正在同步推进。",),
        ("当地干部表示，要让受灾群众住得安心、吃得放心。",),
    ),
    weight=8,
)

RESERVE = Scenario(
    "reserve", RELIEF, _quake,
    heads=(
        "{loc}救灾物资储备库投入使用",
        "{loc}应急物资储备检查：{supplies}储备充足",
        "{loc}新增储备救灾物资{pieces}件",
    ),
    leads=(
        "{place}救灾物资储备库近日投入使用，储备{supplies}等物资{pieces}件，可满足{people}人应急需求。",
        "为做好汛期和冬春救助准备，{bureau}近日对辖区救灾物资储备库开展检查。",
    ),
    body=(
        ("检查组逐一核对了[帐篷|棉被|折叠床]等物资的数量和质量，并检查了库房防潮、防火情况。",
         "储备库实行信息化管理，物资出入库全程可追溯。"),
        ("对即将过期的物资，当地将按程序及时轮换。",
         "库内物资按品类分区存放，一旦发生灾害，可在[2小时|数小时]内完成装车调运。"),
        ("相关负责人表示，将进一步完善市、县、乡三级救灾物资储备体系。",),
        ("目前，当地已与多家企业签订协议，实行物资协议储备。",),
        ("此举进一步提升了灾害发生后的物资保障能力。",),
    ),
    weight=4,
)

QUAKE_DRILL = Scenario(
    "quake_drill", RELIEF, _quake,
    heads=(
        "{loc}举行地震应急演练",
        "{loc}开展抗震救灾综合演练",
    ),
    leads=(
        "{day}，{place}举行地震应急演练，模拟强烈地震后的人员搜救、伤员转运和物资调拨。",
        "近日，{place}开展抗震救灾综合演练，{rescuers}名救援人员参加，检验救灾物资快速调拨能力。",
    ),
    body=(
        ("演练中，救援队员使用生命探测仪搜索被困人员，并搭建临时安置帐篷。",),
        ("物资保障组从储备库调出帐篷、棉被等救灾物资，[一小时内|迅速]运抵模拟安置点。",),
        ("医疗组在现场设立临时救护点，对模拟伤员进行分类救治。",),
        ("演练结束后，专家对各环节进行了点评。",),
        ("相关负责人表示，将以演练为契机，查找短板，完善预案。",),
    ),
    weight=2,
)

DONATE = Scenario(
    "donation", RELIEF, _other,
    heads=(
        "爱心物资驰援{loc}灾区",
        "{loc}受灾群众收到{pieces}件捐赠物资",
        "社会各界捐赠物资支援{loc}救灾",
    ),
    leads=(
        "{place}遭受{disaster}后，多家企业和社会组织向灾区捐赠{supplies}等物资，目前已陆续运抵。",
        "{time}，一批由爱心人士捐赠的救灾物资运抵{place}，共计{pieces}件。",
    ),
    body=(
        ("捐赠物资由当地应急管理部门统一接收、统一调配。",
         "工作人员连夜将物资分发到各安置点。"),
        ("{witness}说，收到这些物资，心里暖暖的。",
         "据统计，此次{disaster}造成{people}人受灾。"),
        ("当地表示，将及时公开捐赠物资的接收和使用情况。",),
        ("[红十字会|慈善会]也开通了捐赠通道。",),
        ("下一步，当地将做好受灾群众生活保障。",),
        ("捐赠物资包括{supplies}等，均为灾区急需物品。",
         "一些企业还派出志愿者，随车到灾区协助分发。"),
        ("据了解，首批物资已于{time2}运抵灾区。",),
    ),
    weight=6,
)

FLOOD_RELIEF_HERE = Scenario("flood_relief_r", FLOOD_RELIEF, flood_slots, RIVER_RELIEF.heads,
                             RIVER_RELIEF.leads, RIVER_RELIEF.body, weight=8)

SCENARIOS = (QUAKE, ALLOCATE, OTHER, SHELTER, RESERVE, QUAKE_DRILL, DONATE, FLOOD_RELIEF_HERE)
