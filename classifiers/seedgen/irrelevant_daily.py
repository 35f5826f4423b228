"""Irrelevant everyday news: food poisoning and epidemics, farming, transport, community life."""

from random import Random

from classifiers.seedgen import vocab_numbers, vocab_places
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg


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
             price=f"{rng.randint(15, 400) / 10:.1f}", yield_=vocab_numbers.rounded(rng, 500, 90000),
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
             flights=str(rng.randint(20, 400)), passengers=vocab_numbers.rounded(rng, 10000, 3000000))
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
             community=rng.choice(vocab_places.COMMUNITIES), households=str(rng.randint(100, 3000)),
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


KINDS = {"health": HEALTH, "farming": FARMING, "transport": TRANSPORT, "community": COMMUNITY}
