"""Irrelevant news, part two: education, science, products and recalls, business and layoffs,
politics, pleasant weather, crime, terrorism, health, farming, transport, community life."""

from random import Random

from classifiers.seedgen import vocab
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_media import common, neg


def _school(rng: Random) -> Slots:
    s = common(rng)
    s.update(school=rng.choice(("实验小学", "第一中学", "外国语学校", "职业技术学院", "师范大学",
                                "理工大学", "第三中学", "科技学校", "幼儿园")),
             exam=rng.choice(("高考", "中考", "研究生考试", "成人高考", "学业水平考试")),
             students=vocab.rounded(rng, 2000, 600000), seats=str(rng.randint(1, 60) * 100))
    return s


EDUCATION = (
    neg("exam", _school,
        heads=("{loc}{year}年{exam}报名人数达{students}", "{exam}今日开考 {loc}设考场{n}个",
               "{loc}{exam}成绩{month}月{day}日起可查询", "{exam}首日{loc}考点秩序井然"),
        leads=("{time}，{year}年{exam}拉开帷幕，{place}共有{students}名考生参加考试，全市设置考点{n}个。",
               "记者从{city}教育考试院获悉，{year}年{exam}成绩将于{month}月{day}日公布，考生可通过官方网站查询。"),
        body=(("为保障考试顺利进行，公安、交通、供电等部门提前做好了服务保障。",),
              ("考点周边实行交通管制，不少家长在考场外等候，有的还穿上了寓意美好的旗袍。",),
              ("{city}教育部门提醒考生，提前熟悉考场，按时到达，避免携带违规物品。",),
              ("今年的{exam}在命题上更加注重考查学生的综合素养和实际应用能力。",),
              ("考试期间，多家爱心车队为考生提供免费送考服务。",),
              ("不少考生表示，题目难度适中，发挥比较正常。",)),
        weight=6),
    neg("school", _school,
        heads=("{loc}{school}新校区[开学|启用]", "{loc}新增学位{seats}个 缓解入学压力",
               "{loc}秋季开学：{students}名学生返校", "{loc}{school}开展[研学|劳动教育]活动"),
        leads=("{time}，{place}{school}新校区正式启用，可提供学位{seats}个，将有效缓解周边适龄儿童入学压力。",
               "秋季学期开学首日，{place}{students}名中小学生返校，各学校精心准备了开学第一课。",
               "{place}{school}近日组织学生走进农田和工厂，开展研学实践和劳动教育活动，学生们收获满满。"),
        body=(("新校区配备了图书馆、实验室和标准运动场，教学设施齐全。",),
              ("开学第一课上，老师们围绕[爱国主义|安全教育|理想信念]等主题与学生互动交流。",),
              ("{school}校长{name}表示，将努力为孩子们提供更优质的教育。",),
              ("家长{name2}说，孩子在家门口就能上好学校，心里很踏实。",),
              ("据介绍，今年当地计划新建、改扩建中小学{n}所。",),
              ("学校还开设了[编程|书法|足球]等特色课程，丰富学生的课余生活。",)),
        weight=6),
)


def _tech(rng: Random) -> Slots:
    s = common(rng)
    s.update(lab=rng.choice(("中国科学院某研究所", "一所高校科研团队", "国家重点实验室",
                             "某科技企业研发团队", "省农业科学院")),
             achievement=rng.choice(("新型固态电池", "高效钙钛矿太阳能电池", "耐盐碱水稻新品种",
                                     "量子通信新技术", "新一代超级计算机", "国产手术机器人",
                                     "新型可降解材料", "高精度北斗定位芯片", "人工智能气象大模型")),
             rocket=rng.choice(("长征二号丁", "长征四号乙", "长征七号", "长征六号", "快舟一号甲")),
             sat=rng.choice(("遥感卫星", "通信卫星", "气象卫星", "科学实验卫星", "导航卫星")))
    return s


SCITECH = (
    neg("research", _tech,
        heads=("{lab}研发{achievement}取得突破", "我国{achievement}[研制成功|通过验收]",
               "{loc}发布{achievement}", "科技前沿｜{achievement}有了新进展"),
        leads=("近日，{lab}成功研制出{achievement}，多项关键性能指标达到国际先进水平，相关成果发表在国际学术期刊上。",
               "{time}，{achievement}在{city}通过专家验收，标志着我国在该领域取得重要突破。"),
        body=(("研究团队负责人{name}介绍，团队历时{small}年攻关，突破了多项关键技术。",),
              ("专家认为，该成果具有广阔的应用前景，有望在[新能源|农业|医疗|通信]等领域推广。",),
              ("目前，相关技术已申请发明专利{n}项。",),
              ("下一步，团队将与企业合作，加快推动成果转化和产业化应用。",),
              ("该研究得到了国家自然科学基金等项目的支持。",),
              ("{name}说，科研就是要敢于啃“硬骨头”。",)),
        weight=6),
    neg("launch", _tech,
        heads=("{rocket}运载火箭成功发射{sat}", "我国成功发射{sat} 卫星顺利进入预定轨道",
               "{sat}发射成功 将用于[国土普查|防灾减灾|科学试验]"),
        leads=("{time}，我国在酒泉卫星发射中心使用{rocket}运载火箭，成功将{sat}发射升空，卫星顺利进入预定轨道。",
               "{rocket}运载火箭{time}点火升空，将一颗{sat}送入太空，发射任务获得圆满成功。"),
        body=(("该卫星主要用于[国土资源普查|农作物估产|城市规划|科学实验]等领域。",),
              ("这是{rocket}运载火箭的第{n}次飞行。",),
              ("火箭点火后拖着长长的尾焰直刺苍穹，现场观众纷纷举起手机记录这一时刻。",),
              ("据介绍，卫星入轨后将开展在轨测试，随后正式投入使用。",),
              ("今年以来，我国航天发射次数已超过{n}次。",),
              ("卫星和火箭分别由中国航天科技集团所属单位研制。",)),
        weight=4),
)


PRODUCT_LINES = (
    ("某国产手机品牌", ("折叠屏手机", "无线耳机", "充电宝", "平板电脑"), (999, 12999)),
    ("某新能源车企", ("纯电SUV", "插混轿车", "纯电轿车"), (99900, 339900)),
    ("某合资车企", ("插混轿车", "中型SUV", "家用轿车"), (119900, 259900)),
    ("某家电企业", ("扫地机器人", "空气炸锅", "变频空调", "洗烘一体机"), (299, 8999)),
    ("某笔记本电脑品牌", ("轻薄笔记本", "游戏本"), (3999, 15999)),
    ("某智能穿戴品牌", ("智能手表", "运动手环", "无线耳机"), (199, 3999)),
    ("某电动自行车品牌", ("电动自行车", "电动滑板车"), (1999, 6999)),
)


def _product(rng: Random) -> Slots:
    s = common(rng)
    brand, items, (low, high) = rng.choice(PRODUCT_LINES)
    price = rng.randint(low // 100, high // 100) * 100 - 1
    s.update(brand=brand, item=rng.choice(items), price=str(price),
             units=vocab.rounded(rng, 300, 90000) + ("辆" if "车企" in brand else "台"),
             flaw=rng.choice(("电池存在起火隐患", "充电时可能过热", "刹车软件存在缺陷",
                              "安全气囊可能无法正常展开", "电源线存在短路风险", "座椅安全带固定不牢")))
    return s


PRODUCTS = (
    neg("launch", _product,
        heads=("{brand}发布新款{item} 售价{price}元起", "{item}新品上市 首销{small}分钟售罄",
               "{brand}新款{item}成爆款", "{item}迎来新品发布季"),
        leads=("{time}，{brand}在{city}举行发布会，推出新款{item}，起售价{price}元，主打[长续航|轻薄|智能互联]。",
               "{brand}新款{item}{time}开启首销，[{small}分钟内售罄|首日销量突破{units}]，成为电商平台爆款。"),
        body=(("与上一代产品相比，新款{item}在[续航|性能|外观设计]方面有明显提升。",),
              ("发布会现场，不少消费者排队体验新品，对新功能表现出浓厚兴趣。",),
              ("业内人士认为，国产品牌在中高端市场的竞争力正在不断增强。",),
              ("{brand}相关负责人表示，今年计划在全国新增{n}家线下门店。",),
              ("有数码博主评测后认为，新品的性价比较高。",),
              ("据介绍，新品支持以旧换新，最高可补贴{small}00元。",)),
        weight=6),
    neg("recall", _product,
        heads=("{brand}召回{units}{item} 因{flaw}", "因{flaw}，{brand}启动召回",
               "市场监管总局：{brand}召回部分{item}"),
        leads=("{time}，{brand}向市场监管总局备案召回计划，决定召回部分{item}共计{units}，原因是{flaw}。",
               "因{flaw}，{brand}自{month}月{day}日起召回{units}{item}，将免费为用户更换相关部件。"),
        body=(("本次召回范围内的产品，企业将通过短信、电话等方式通知用户。",),
              ("企业将免费为召回范围内的产品更换相关部件，以消除安全隐患。",),
              ("用户可拨打企业客服热线或登录官网查询自己的产品是否在召回范围内。",),
              ("截至目前，企业尚未收到相关事故报告。",),
              ("市场监管部门提醒消费者关注召回信息，及时进行维修。",),
              ("今年以来，该领域已发生多起类似召回。",)),
        weight=5),
)


def _business(rng: Random) -> Slots:
    s = common(rng)
    s.update(company=rng.choice(("某互联网公司", "某手机厂商", "某外资零售企业", "某在线教育机构",
                                 "某房企", "某新势力车企", "某快递公司", "某游戏公司")),
             cut=str(rng.randint(3, 30)), revenue=f"{rng.randint(5, 3000)}亿元",
             growth=f"{rng.randint(1, 450) / 10:.1f}%", jobs=vocab.rounded(rng, 300, 50000))
    return s


BUSINESS = (
    neg("layoffs", _business,
        heads=("{company}宣布裁员{cut}%", "{company}组织架构调整 部分岗位裁撤", "{company}回应“裁员”传闻"),
        leads=("{time}，{company}宣布进行组织架构调整，预计裁员比例约{cut}%，涉及[研发|销售|运营]等多个部门。",
               "针对网传“大规模裁员”的消息，{company}{time}回应称，系正常业务调整，将依法给予员工补偿。"),
        body=(("公司表示，将严格按照劳动法规定向被裁员工支付经济补偿。",),
              ("有员工在社交平台透露，补偿标准为“N+1”。",),
              ("业内人士认为，行业竞争加剧，企业正在收缩非核心业务、控制成本。",),
              ("与此同时，该公司仍在[人工智能|海外市场]等方向招聘人才。",),
              ("公司最新财报显示，上季度营收同比下降{growth}。",),
              ("有分析师认为，这一调整有助于公司提升经营效率。",)),
        weight=5),
    neg("earnings", _business,
        heads=("{company}上半年营收{revenue} 同比增长{growth}", "{company}发布年报 净利润[扭亏为盈|同比下滑]",
               "{loc}举办招聘会 提供岗位{jobs}个"),
        leads=("{company}{time}发布财报，上半年实现营业收入{revenue}，同比增长{growth}，业绩超出市场预期。",
               "{time}，{place}举办大型招聘会，{n}0余家企业提供就业岗位{jobs}个，吸引了大批求职者。"),
        body=(("财报显示，公司[海外业务|新业务板块]增长迅速，成为新的增长引擎。",),
              ("公司管理层表示，下半年将继续加大研发投入。",),
              ("招聘会现场人头攒动，不少企业开出了具有竞争力的薪资。",),
              ("求职者{name}说，今天已经投了{small}份简历，有两家企业约了面试。",),
              ("业内人士认为，随着经济回暖，就业市场逐步改善。",),
              ("公告发布后，公司股价当日上涨{growth}。",)),
        weight=5),
)


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
             aqi=rng.choice(("优", "良", "优良")), days=vocab.num(rng, rng.randint(3, 7)))
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
    s.update(suspect=rng.choice(vocab.SURNAMES) + "某", age=str(rng.randint(19, 60)),
             amount=vocab.amount_wan(rng, 2, 900), gang=str(rng.randint(3, 40)),
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
    s.update(attack=attack, attack_lead=attack_lead, mourn=vocab.num(rng, rng.randint(1, 3)),
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


def _health(rng: Random) -> Slots:
    s = common(rng)
    s.update(venue=rng.choice(("一所中学食堂", "一家餐馆", "一场婚宴", "一家单位食堂", "一个工地食堂",
                               "一所幼儿园")),
             sick=str(rng.randint(5, 80)), cases=str(rng.randint(1, 900)),
             disease=rng.choice(("新冠病毒感染", "流感", "诺如病毒感染", "手足口病", "登革热")),
             cause=rng.choice(("食用了变质的凉拌菜", "误食野生菌", "食用了未煮熟的豆角", "食物受到细菌污染")))
    return s


HEALTH = (
    neg("food_poison", _health,
        heads=("{loc}{venue}发生疑似食物中毒 {sick}人送医", "{loc}通报一起食物中毒事件",
               "误食野生菌 {loc}一家[三口|四口]中毒入院"),
        leads=("{time}，{place}{venue}发生一起疑似食物中毒事件，{sick}人出现呕吐、腹泻等症状，已送医治疗，均无生命危险。",
               "据{city}卫生健康委员会通报，{time}{place}发生一起食物中毒事件，经调查系{cause}所致。"),
        body=(("接报后，卫生健康和市场监管部门迅速赶到现场，封存了剩余食品并采样送检。",),
              ("目前，患者病情稳定，部分已经出院。",),
              ("市场监管部门已责令涉事单位停业整顿。",),
              ("疾控部门提醒，不要采摘、购买和食用野生菌，夏季要注意饮食卫生。",),
              ("经流行病学调查，初步判断与{cause}有关。",),
              ("事件具体原因仍在进一步调查中。",)),
        weight=6),
    neg("epidemic", _health,
        heads=("{loc}通报{disease}疫情情况", "{city}新增{disease}病例{cases}例", "疾控提醒：{disease}进入高发期"),
        leads=("{city}卫生健康委员会{time}通报，{place}新增{disease}病例{cases}例，均已隔离治疗，病情平稳。",
               "{city}疾控中心{time}发布提示，当前已进入{disease}高发季节，提醒市民做好个人防护。"),
        body=(("疾控专家提醒，市民要勤洗手、常通风，出现发热等症状及时就医。",),
              ("各医疗机构已加强发热门诊力量，保障群众就医需求。",),
              ("学校、托幼机构要做好晨午检工作。",),
              ("老年人和有基础疾病的人群是重点防护对象，建议及时接种疫苗。",),
              ("目前，相关病例的流行病学调查正在进行中。",),
              ("专家表示，总体疫情形势平稳可控。",)),
        weight=6),
)


def _farm(rng: Random) -> Slots:
    s = common(rng)
    s.update(crop=rng.choice(("水稻", "小麦", "玉米", "荔枝", "柑橘", "茶叶", "草莓", "白蕉海鲈",
                              "生蚝", "蔬菜", "猕猴桃")),
             price=f"{rng.randint(15, 400) / 10:.1f}", yield_=vocab.rounded(rng, 500, 90000),
             item=rng.choice(("猪肉", "鸡蛋", "蔬菜", "牛肉", "水果", "大米")),
             cpi=f"{rng.randint(1, 30) / 10:.1f}")
    return s


FARMING = (
    neg("harvest", _farm,
        heads=("{loc}{crop}喜获丰收", "{loc}{crop}上市 收购价{price}元/斤", "{loc}{crop}产业带动农民增收"),
        leads=("眼下正值{crop}收获季节，{place}田间地头一派繁忙景象，今年{crop}产量达{yield_}吨，预计又是一个丰收年。",
               "{time}，{place}的{crop}陆续上市，收购价每斤{price}元左右，农户们脸上洋溢着丰收的喜悦。"),
        body=(("种植户{name}算了一笔账，今年的收入比去年多了不少。",),
              ("当地通过“合作社+农户”模式，帮助农民解决销路问题。",),
              ("近年来，当地大力推广良种良法，{crop}品质和产量稳步提升。",),
              ("电商直播也成为新的销售渠道，产品远销全国各地。",),
              ("农业部门的技术人员还深入田间，指导农户科学管理。",),
              ("下一步，当地将延伸产业链，发展农产品深加工。",)),
        weight=6),
    neg("prices", _farm,
        heads=("{city}{item}价格[小幅上涨|稳中有降]", "{month}月{city}CPI同比上涨{cpi}%"),
        leads=("据{city}发展改革部门监测，近期{item}价格[小幅上涨|稳中有降]，市场供应充足，市民“菜篮子”总体稳定。",
               "{city}统计局{time}发布数据，{month}月份居民消费价格指数同比上涨{cpi}%，食品价格总体平稳。"),
        body=(("在农贸市场，记者看到{item}品种丰富，摊主们忙着招呼顾客。",),
              ("市民{name}说，最近买菜花的钱跟上个月差不多。",),
              ("业内人士分析，{item}价格波动主要受季节性因素影响。",),
              ("相关部门将加强市场监测，保障重要民生商品供应稳定。",),
              ("从环比看，鲜菜价格略有回落。",),
              ("专家预计，后期价格将保持基本稳定。",)),
        weight=4),
)


def _transport(rng: Random) -> Slots:
    s = common(rng)
    s.update(line=rng.choice((f"地铁{rng.randint(2, 16)}号线", "城际铁路", "高铁", "快速公交",
                              "有轨电车")),
             stations=str(rng.randint(6, 40)), km=str(rng.randint(10, 300)),
             flights=str(rng.randint(20, 400)), passengers=vocab.rounded(rng, 10000, 3000000))
    return s


TRANSPORT = (
    neg("new_line", _transport,
        heads=("{loc}{line}开通运营", "{loc}{line}试运行 设站{stations}座", "{city}新开{flights}条航线"),
        leads=("{time}，{place}{line}正式开通运营，线路全长{km}公里，设站{stations}座，将进一步方便市民出行。",
               "{city}机场{time}起执行夏秋航季航班计划，新开和加密国内外航线{flights}条。"),
        body=(("开通首日，不少市民早早来到车站，体验新线路。",),
              ("市民{name}说，以后上班通勤时间能缩短半个小时。",),
              ("据介绍，该线路采用全自动运行系统，最高运行时速可达[80|100|160]公里。",),
              ("沿线站点均设置了无障碍设施和母婴室。",),
              ("预计日均客流量将达到{passengers}人次。",),
              ("交通部门表示，将根据客流情况适时调整运营班次。",)),
        weight=5),
    neg("holiday_travel", _transport,
        heads=("春运首日{loc}发送旅客{passengers}人次", "{city}[火车站|机场]迎来返程高峰"),
        leads=("{time}，春运正式拉开帷幕，{place}各火车站、汽车站和机场共发送旅客{passengers}人次，运输秩序平稳。",
               "假期最后一天，{city}迎来返程客流高峰，交通部门加开列车和航班，保障旅客顺利出行。"),
        body=(("车站内张灯结彩，志愿者为旅客提供引导和行李搬运服务。",),
              ("铁路部门增开临客{n}列，满足旅客出行需求。",),
              ("旅客{name}说，今年回家的票比往年好买。",),
              ("交通部门提醒旅客提前规划行程，合理安排出行时间。",),
              ("高速公路入口车流量明显增加，但总体通行顺畅。",),
              ("候车室内准备了热水和常用药品。",)),
        weight=4),
)


def _community(rng: Random) -> Slots:
    s = common(rng)
    s.update(park=rng.choice(("口袋公园", "滨水绿道", "社区长者食堂", "城市书房", "全民健身中心",
                              "社区卫生服务站", "儿童公园")),
             community=rng.choice(vocab.COMMUNITIES), households=str(rng.randint(100, 3000)),
             activity=rng.choice(("邻里文化节", "义诊活动", "垃圾分类宣传", "亲子运动会", "书画展",
                                  "便民服务集市", "广场舞比赛")))
    return s


COMMUNITY = (
    neg("facility", _community,
        heads=("{loc}新建{park}对外开放", "家门口的{park}来了", "{loc}{community}老旧小区改造完工"),
        leads=("{time}，{place}新建的{park}正式对外开放，成为周边居民休闲娱乐的好去处。",
               "{place}{community}老旧小区改造工程近日完工，{households}户居民住上了“新”房子。"),
        body=(("改造内容包括外墙翻新、加装电梯和完善停车位等。",),
              ("居民{name}说，小区变漂亮了，住着更舒心了。",),
              ("每天傍晚，不少居民来到这里散步、跳舞、下棋。",),
              ("当地今年计划新建、改造类似设施{n}处。",),
              ("项目在设计阶段就充分征求了居民意见。",),
              ("社区还组织志愿者负责日常维护。",)),
        weight=5),
    neg("activity", _community,
        heads=("{loc}{community}举办{activity}", "{loc}开展{activity} 居民参与热情高"),
        leads=("{time}，{place}{community}举办{activity}，吸引了数百名居民参加，现场欢声笑语不断。",),
        body=(("活动现场设置了多个互动区，老人孩子都玩得很开心。",),
              ("社区书记{name}介绍，举办活动是为了增进邻里感情。",),
              ("志愿者们还为居民提供了理发、量血压等便民服务。",),
              ("居民{name2}说，希望这样的活动多办几次。",),
              ("近年来，社区持续推进邻里文化建设。",),
              ("活动持续了一整天。",)),
        weight=4),
)

KINDS = {
    "education": EDUCATION, "scitech": SCITECH, "products": PRODUCTS, "business": BUSINESS,
    "politics": POLITICS, "weather": WEATHER, "crime": CRIME, "terror": TERROR,
    "health": HEALTH, "farming": FARMING, "transport": TRANSPORT, "community": COMMUNITY,
}
