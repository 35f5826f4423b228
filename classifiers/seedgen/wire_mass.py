"""Wire-style mass-incident sentences: strikes, marches and protests, wage gatherings, clashes, at
home and abroad (mass_incident)."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import wire, wire_slots

MASS = ("mass_incident",)

WORKERS = ("汽车工人", "码头工人", "铁路工人", "医护人员", "教师", "公交司机", "地铁员工",
           "机场地勤人员", "空乘人员", "飞行员", "矿工", "环卫工人", "出租车司机", "卡车司机",
           "港口工人", "邮政员工", "护士", "医生", "电厂工人", "快递员", "纺织工人", "外卖骑手")
DEMANDS = ("提高工资", "改善工作条件", "增加人手", "反对延迟退休", "要求补发欠薪",
           "反对裁员计划", "要求缩短工时", "反对养老金改革", "要求签订新劳动合同", "反对削减福利")
ISSUES = ("政府的紧缩政策", "燃油涨价", "养老金改革", "选举结果", "物价上涨", "新的税收法案",
          "警察暴力执法", "修宪计划", "议会休会", "气候政策", "取消补贴", "房租上涨", "修建水坝",
          "矿山开采计划", "削减公共开支")
ORGS = ("工会", "全国总工会", "行业工会", "员工联合会", "职业工会")
IMPACTS = ("数百个航班被取消", "公共交通几近瘫痪", "多条铁路线停运", "港口作业全面停顿",
           "多家工厂停产", "学校被迫停课", "医院只能提供急诊服务", "数万名旅客出行受阻")


def _strike(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(workers=rng.choice(WORKERS), demand=rng.choice(DEMANDS), org=rng.choice(ORGS),
             issue=rng.choice(ISSUES),
             impact=rng.choice(IMPACTS), days=str(rng.randint(2, 40)),
             people=rng.choice(("数千名", "上万名", "数万名", "约两千名", "数百名", f"{rng.randint(2, 80)}万名")))
    return s


STRIKE = wire(
    "wire_strike", MASS, _strike,
    heads=("{country}{people}{workers}罢工", "{country}{workers}举行全国性罢工", "{fcity}{workers}罢工 {impact}",
           "{company}工人罢工进入第{days}天", "{country}大罢工：{impact}", "{country}{workers}罢工要求{demand}",
           "{company}罢工结束 劳资双方达成协议", "{org}宣布举行罢工", "罢工潮蔓延至{fcity}",
           "{country}{workers}再度罢工", "{company}工厂发生罢工 股价下跌", "{fcity}{workers}罢工 街头垃圾成堆",
           "{loc}{people}工人停工讨薪", "{loc}出租车司机集体罢运", "{country}{workers}罢工{days}天后复工",
           "{country}航空公司机组罢工 {impact}"),
    leads=(
        "{fsrc}，{ftime}，{country}{people}{workers}举行罢工，要求{demand}，{impact}。",
        "{ftime}，{country}{org}发起{days}天罢工，{workers}走上街头要求{demand}。",
        "{fsrc}，{company}的{workers}因薪资争议发起罢工，导致{impact}。",
        "{country}{workers}罢工已持续{days}天，{org}表示在{demand}之前不会复工。",
        "经过多轮谈判，{company}劳资双方{ftime}达成一致，持续{days}天的罢工宣告结束。",
        "{country}港口工人罢工导致集装箱大量积压，多家航运公司{ftime}宣布调整航线。",
        "{time}，{place}一家工厂的{people}工人因被拖欠工资集体停工，聚集在厂区门口讨要说法。",
        "{fsrc}，因不满{issue}，{country}{workers}{ftime}发动罢工，{impact}。",
        "{ftime}，{country}{fcity}的{workers}开始无限期罢工，当地政府呼吁尽快恢复谈判。",
        "{time}，{place}{people}出租车司机因不满网约车冲击集体停运，在{road}一带聚集。",
    ),
    weight=16)


def _protest(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(issue=rng.choice(ISSUES),
             people=rng.choice(("数千名", "上万名", "数万名", "约两千名", "数百名", "大批",
                                f"{rng.randint(2, 50)}万名")),
             police=rng.choice(("发射催泪瓦斯", "使用水炮驱散人群", "逮捕了{n}名示威者",
                                "与示威者发生推搡", "封锁了周边道路")).format(n=s["mid"]),
             cas=rng.choice(("造成{n}人受伤", "{n}名警察受伤", "多人受伤", "{n}人在冲突中死亡",
                             "数十人被捕")).format(n=s["n"]),
             square=rng.choice(("市中心广场", "议会大厦前", "总统府外", "政府大楼前", "主要街道",
                                "市政厅广场")))
    return s


PROTEST = wire(
    "wire_protest", MASS, _protest,
    heads=("{country}{people}民众游行抗议{issue}", "{fcity}爆发大规模示威", "{country}多地举行游行",
           "{country}示威者与警方发生冲突", "{fcity}抗议活动持续 {cas}", "{country}反政府示威{cas}",
           "{fcity}民众上街抗议{issue}", "{country}抗议{issue}的示威蔓延多城", "{fcity}骚乱{cas}",
           "{country}警方{police}", "{country}爆发骚乱 总统呼吁冷静", "{country}首都示威者包围议会",
           "{loc}{people}村民聚集堵路", "{loc}业主聚集抗议 {cas}", "{loc}村民与施工方发生冲突",
           "{fcity}示威游行演变为暴力冲突"),
    leads=(
        "{fsrc}，{ftime}，{country}{fcity}{people}民众举行游行示威，抗议{issue}。",
        "{ftime}，{country}多座城市爆发抗议活动，示威者在{square}聚集，警方{police}。",
        "{fsrc}，{country}{fcity}的抗议活动已持续{n}周，{ftime}示威者与警方再次发生冲突，{cas}。",
        "{ftime}，{people}民众聚集在{country}{fcity}{square}，抗议{issue}，部分路段交通中断。",
        "{fsrc}，因不满{issue}，{country}民众连续多日走上街头示威，当地局势持续紧张。",
        "{time}，{place}{people}群众因征地补偿问题聚集在{village}附近堵路，与施工人员发生冲突，{cas}。",
        "{time}，{place}一小区{people}业主聚集在售楼处门口拉横幅，抗议开发商延期交房。",
        "{ftime}，{country}{fcity}一场抗议{issue}的游行演变为骚乱，{cas}，多家商店被打砸。",
        "{time}，{place}{people}村民因对垃圾处理厂选址不满，聚集在镇政府门口讨说法。",
    ),
    weight=16)

MASS_SCENARIOS = (STRIKE, PROTEST)
