"""Irrelevant news about products and companies: launches, recalls, layoffs, earnings, job fairs."""

from random import Random

from classifiers.seedgen import vocab_numbers
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg

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
             units=vocab_numbers.rounded(rng, 300, 90000) + ("辆" if "车企" in brand else "台"),
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
             growth=f"{rng.randint(1, 450) / 10:.1f}%", jobs=vocab_numbers.rounded(rng, 300, 50000))
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


KINDS = {"products": PRODUCTS, "business": BUSINESS}
