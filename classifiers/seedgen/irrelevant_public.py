"""Irrelevant public-affairs news: government meetings, investment, fine weather, crime, terror."""

from random import Random

from classifiers.seedgen import vocab_numbers, vocab_people
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg


def _politics(rng: Random) -> Slots:
    s = common(rng)
    s["place"] = s["city"] + ("" if s["city"].endswith(("州", "盟")) else "市")
    s["loc"] = s["city"]
    s.update(meeting=rng.choice(("人大常委会会议", "政府常务会议", "政协常委会议", "经济工作会议",
                                 "乡村振兴工作会议", "营商环境优化大会", "招商引资推介会", "人才工作会议")),
             topic=rng.choice(("优化营商环境", "推进乡村振兴", "扩大有效投资", "促进消费", "城市更新",
                               "教育优质均衡发展", "数字经济发展", "生态文明建设")),
             projects=str(rng.randint(5, 80)), invest=f"{rng.randint(10, 900)}亿元")
    return s


POLITICS = (
    neg("meeting", _politics,
        heads=("{loc}召开{meeting}", "{loc}{meeting}研究部署{topic}工作", "{loc}审议通过{topic}实施方案"),
        leads=("{time}，{place}召开{meeting}，研究部署{topic}相关工作，审议通过了有关实施方案。",
               "{place}{meeting}{time}举行，会议听取了关于{topic}工作情况的报告，并对下一步工作作出安排。"),
        body=(("会议指出，要坚持问题导向，切实解决群众急难愁盼问题。",),
              ("会议强调，各部门要加强协作，形成工作合力，确保各项任务落到实处。",),
              ("会议还审议了其他事项。",),
              ("与会人员围绕{topic}进行了深入讨论，提出了意见建议。",),
              ("会议要求，要以钉钉子精神抓好落实，推动工作取得实效。",),
              ("据悉，相关方案将于近期正式印发实施。",)),
        weight=6),
    neg("investment", _politics,
        heads=("{loc}{projects}个重点项目集中签约 总投资{invest}", "{loc}举行重大项目集中开工仪式"),
        leads=("{time}，{place}举行重大项目集中签约活动，{projects}个项目现场签约，总投资{invest}，涉及[新能源|高端制造|现代服务业]等领域。",),
        body=(("签约项目中，产业类项目占比超过七成。",),
              ("当地负责人表示，将为项目建设提供全方位服务保障。",),
              ("据介绍，项目建成后预计可新增就业岗位{big}个。",),
              ("今年以来，当地招商引资工作取得积极进展。",),
              ("签约企业代表表示，看好当地的发展前景和营商环境。",),
              ("项目涵盖{topic}等多个方向。",)),
        weight=4),
)


def _weather(rng: Random) -> Slots:
    s = common(rng)
    low = rng.randint(5, 20)
    s["place"] = s["city"] + ("" if s["city"].endswith(("州", "盟")) else "市")
    s["loc"] = s["city"]
    s.update(low=str(low), high=str(low + rng.randint(5, 11)),
             season=rng.choice(("春日", "初夏", "秋日", "冬日")),
             aqi=rng.choice(("优", "良", "优良")), days=vocab_numbers.num(rng, rng.randint(3, 7)))
    return s


WEATHER = (
    neg("fine_weather", _weather,
        heads=("{loc}未来{days}天以晴为主 气温{low}至{high}℃", "秋高气爽！{loc}迎来好天气",
               "{loc}气温回升 适宜出行", "周末{loc}天气晴好 适合户外活动", "{loc}空气质量持续为{aqi}"),
        leads=("据{city}气象台预报，未来{days}天{place}以晴到多云天气为主，气温在{low}℃至{high}℃之间，体感舒适。",
               "{time}，{place}天气晴好，蓝天白云，气温适宜，不少市民走出家门踏青游玩。",
               "气象部门预计，本周{place}天气晴朗，空气质量以{aqi}为主，非常适合户外运动和出游。"),
        body=(("早晚温差较大，气象部门提醒市民适时增减衣物。",),
              ("好天气吸引了不少市民到公园、绿道散步骑行，享受{season}暖阳。",),
              ("{name}带着孩子在草坪上放风筝，她说这样的天气不出门太可惜了。",),
              ("气象专家表示，近期冷空气活动较弱，晴好天气还将持续一段时间。",),
              ("周末期间，各大景区游客明显增多。",),
              ("紫外线较强，户外活动时注意防晒。",)),
        weight=8),
)


def _crime(rng: Random) -> Slots:
    s = common(rng)
    s.update(suspect=rng.choice(vocab_people.SURNAMES) + "某", age=str(rng.randint(19, 60)),
             amount=vocab_numbers.amount_wan(rng, 2, 900), gang=str(rng.randint(3, 40)),
             crime=rng.choice(("电信网络诈骗", "盗窃", "非法集资", "网络赌博", "贩卖假药", "非法捕捞",
                               "销售假冒伪劣商品", "入室盗窃")))
    return s


CRIME = (
    neg("knife", _crime,
        heads=("{loc}警方通报一起持刀伤人案", "{loc}发生一起故意伤害案 嫌疑人已被控制",
               "警情通报：{loc}一男子因纠纷持刀伤人"),
        leads=("{time}，{place}警方发布警情通报，辖区内发生一起持刀伤人案件，犯罪嫌疑人{suspect}（男，{age}岁）已被警方当场控制。",
               "据{city}公安局通报，{time}{place}一男子因琐事与他人发生纠纷，持刀将对方刺伤，伤者已送医救治，无生命危险。"),
        body=(("经初步调查，嫌疑人与受害人系[邻居|同事|生意伙伴]关系，因琐事积怨已久。",),
              ("目前，案件正在进一步侦办中。",),
              ("警方提醒，遇到矛盾纠纷要冷静处理，必要时可报警或寻求调解。",),
              ("案发后，民警迅速赶到现场，将嫌疑人制服。",),
              ("受伤人员已被送往医院救治，目前生命体征平稳。",),
              ("嫌疑人已被依法刑事拘留。",)),
        weight=5),
    neg("arrest", _crime,
        heads=("{loc}警方破获一起{crime}案 抓获嫌疑人{gang}名", "{loc}打掉一个{crime}团伙",
               "涉案{amount}！{loc}{crime}案告破"),
        leads=("{time}，{place}公安机关成功破获一起{crime}案，抓获犯罪嫌疑人{gang}名，涉案金额{amount}。",
               "经过数月侦查，{place}警方{time}打掉一个{crime}犯罪团伙，{gang}名嫌疑人落网。"),
        body=(("经查，该团伙自去年以来，通过[网络平台|虚假广告|上门推销]等方式实施犯罪。",),
              ("目前，犯罪嫌疑人已被依法采取刑事强制措施，案件正在进一步审理中。",),
              ("警方提醒广大群众提高警惕，不轻信陌生人，发现可疑情况及时报警。",),
              ("民警在行动中查获了一批作案工具和涉案物品。",),
              ("此案的成功告破，有力维护了群众财产安全。",),
              ("警方已为受害群众追回部分损失。",)),
        weight=6),
)


def _terror(rng: Random) -> Slots:
    s = common(rng)
    attack, attack_lead = rng.choice((
        ("自杀式炸弹袭击", "遭到自杀式炸弹袭击"), ("枪击", "发生枪击事件，枪手向人群开枪"),
        ("武装袭击", "遭到一伙武装分子袭击"), ("汽车炸弹袭击", "附近一辆汽车炸弹发生爆炸")))
    s.update(attack=attack, attack_lead=attack_lead, mourn=vocab_numbers.num(rng, rng.randint(1, 3)),
             country=rng.choice(("中东某国", "南亚某国", "非洲某国", "欧洲某国", "美国某州",
                                 "拉美某国")),
             venue=rng.choice(("集市", "清真寺", "检查站", "购物中心", "学校", "公交车站", "酒店")),
             victims=str(rng.randint(3, 60)), wounded=str(rng.randint(5, 120)),
             group=rng.choice(("一极端组织", "一武装组织", "不明身份的武装分子")))
    return s


TERROR = (
    neg("attack", _terror,
        heads=("{country}发生恐怖袭击 致{victims}人死亡", "{country}一{venue}遭{attack}",
               "{country}{attack}致{victims}死{wounded}伤", "外媒：{country}一{venue}遭{attack}"),
        leads=("据外媒报道，{country}一处{venue}{time}{attack_lead}，造成至少{victims}人死亡、{wounded}人受伤。",
               "{country}一{venue}{time}{attack_lead}，已致{victims}人死亡，当地警方已封锁现场。",
               "据当地媒体报道，{country}一{venue}{time}{attack_lead}，造成{victims}人死亡，当地政府予以强烈谴责。"),
        body=(("袭击发生后，当地安全部队迅速封锁现场，并展开搜捕行动。",),
              ("袭击者的身份和作案动机仍在调查之中。",),
              ("当地政府宣布全国哀悼{mourn}天，并加强各地安保措施。",),
              ("联合国秘书长发表声明，强烈谴责这一恐怖袭击行为。",),
              ("我国驻当地使馆提醒在当地中国公民提高安全防范意识。",),
              ("目前，现场的搜救和调查工作仍在进行。",)),
        weight=10),
)


KINDS = {"politics": POLITICS, "weather": WEATHER, "crime": CRIME, "terror": TERROR}
