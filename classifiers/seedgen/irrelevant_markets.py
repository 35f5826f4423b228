"""Irrelevant news about markets: stock indexes, sector swings, deposit rates, land and housing."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg

SECTORS = ("半导体", "新能源汽车", "白酒", "券商", "光伏", "医药", "银行", "房地产", "军工",
           "消费电子", "有色金属", "煤炭", "人工智能", "游戏", "旅游酒店", "锂电池", "农业")
# A-share indexes and the range their level moves in
INDEXES = (("上证指数", 2700, 3600), ("深证成指", 8500, 11500), ("创业板指", 1700, 2500),
           ("沪深300", 3300, 4200), ("科创50", 750, 1100), ("北证50", 700, 1300))


def _market(rng: Random) -> Slots:
    s = common(rng)
    up = rng.random() < 0.5
    index, low, high = rng.choice(INDEXES)
    s.update(index=index, sector=rng.choice(SECTORS), sector2=rng.choice(SECTORS),
             points=f"{rng.randint(low, high)}.{rng.randint(10, 99)}",
             turnover=f"{rng.randint(60, 190) / 100:.2f}万亿元", limit=str(rng.randint(10, 160)),
             ipct=f"{rng.randint(10, 350) / 100:.2f}", move="涨" if up else "跌",
             flow=rng.choice(("净买入", "净流入")) if up else rng.choice(("净卖出", "净流出")))
    strong = float(s["ipct"]) >= 1.5
    if up:
        s["big_move"] = rng.choice(("大涨", "强势反弹", "放量上攻") if strong else ("小幅上涨", "震荡走高"))
    else:
        s["big_move"] = rng.choice(("暴跌", "大幅下挫", "跳水") if strong else ("小幅下跌", "震荡走低"))
    return s


STOCKS = (
    neg("stocks_close", _market,
        heads=("{index}{big_move}{ipct}% {sector}板块领{move}",
               "A股三大指数集体{big_move} 两市成交额{turnover}",
               "{index}收{move}{ipct}%，报{points}点",
               "[北向资金|主力资金]{flow}{yi}亿元 {index}{move}{ipct}%",
               "收评：{sector}股{big_move}，{sector2}板块[跟涨|走弱]"),
        leads=("{time}，A股三大指数{big_move}，{index}收{move}{ipct}%，报{points}点，{sector}板块表现[抢眼|低迷]，市场成交额{turnover}。",
               "截至收盘，{index}报{points}点，{move}{ipct}%，全天成交额{turnover}，{limit}只个股涨停。",
               "受[外围市场|政策预期|资金面]影响，{index}今日{big_move}{ipct}%，{sector}、{sector2}板块领{move}，两市成交额{turnover}。"),
        body=(("盘面上，{sector}、{sector2}等板块[涨幅居前|跌幅居前]。",
               "个股方面，两市超过[三千|四千]只个股收{move}。"),
              ("北向资金全天{flow}{yi}亿元。", "两融余额连续[三|五]个交易日回升。"),
              ("有分析人士表示，短期市场波动加大，投资者应注意控制仓位。",
               "机构普遍认为，当前估值处于历史较低水平，中长期配置价值显现。"),
              ("{name}是一位入市十年的老股民，他说今天的行情让不少人措手不及，自己选择先观望几天。",),
              ("业内人士提醒，股市有风险，投资需谨慎，不要盲目追涨杀跌。",),
              ("从消息面看，[近期多项稳增长政策陆续出台|海外市场隔夜普遍收跌|多家上市公司披露了业绩预告]，对市场情绪形成一定影响。",),
              ("[港股|海外股市]方面，恒生指数当日[小幅收涨|震荡走低]，科技股表现分化。",)),
        weight=12),
    neg("stocks_quake", _market,
        heads=("股市“地震”！{sector}板块[崩盘式下跌|遭遇血洗]",
               "{sector}概念股集体“熄火” [多股跌停|市值蒸发{yi}亿元]",
               "{sector}板块[火爆|狂飙] {limit}只个股涨停"),
        leads=("{time}，{sector}板块遭遇“地震”，板块内个股[集体跌停|大面积下挫]，市场人士称系获利盘集中出逃所致。",
               "{sector}板块今日再度[爆发|火爆]，板块内{limit}只个股涨停，板块指数创下年内新高，成交额明显放大。"),
        body=(("分析人士认为，此前该板块累计涨幅过大，估值偏高，短期存在调整需求。",
               "资金面上，主力资金当日{flow}该板块超过{yi}亿元，创近一个月新高。"),
              ("板块内多只龙头个股成交异常活跃，换手率明显提升。",),
              ("有券商研报指出，行业基本面并未发生明显变化，短期波动主要受情绪影响。",),
              ("不少散户在社交平台上直呼“看不懂”，也有人表示准备逢低加仓。",),
              ("业内人士提醒，题材炒作往往来得快去得也快，追涨杀跌风险较大。",),
              ("同日，{index}收{move}{ipct}%，两市成交额{turnover}。",)),
        weight=6),
    neg("rates", _market,
        heads=("多家银行下调存款利率 三年期下调[10|15|20]个基点",
               "{city}多家农商行跟进下调存款利率", "存款利率再下调，储户怎么办",
               "[国有大行|股份制银行]新一轮降息落地"),
        leads=("{time}，多家国有大行宣布下调人民币定期存款利率，其中三年期存款利率下调[0.1|0.15|0.2]个百分点。",
               "继国有大行之后，{city}多家农商行{time}宣布跟进下调存款利率，部分产品下调幅度超过[10|20]个基点。"),
        body=(("业内人士认为，此举有助于降低实体经济融资成本，提振市场信心。",),
              ("银行人士表示，下调存款利率主要是为了缓解净息差收窄的压力。",),
              ("分析师预计，年内仍有进一步宽松空间，但节奏将更加灵活。",),
              ("不少储户表示，存款利率越来越低，打算把部分存款转向理财产品。",),
              ("市场人士提醒，理财产品并非保本保息，投资者应理性看待收益波动。",),
              ("[{city}|当地]多家中小银行也表示，将视情况跟进调整。",)),
        weight=5),
)


def _property(rng: Random) -> Slots:
    s = common(rng)
    s.update(price=str(rng.randint(80, 900) * 100), area=str(rng.randint(60, 180)),
             sets=str(rng.randint(50, 3000)), rate=f"{rng.randint(300, 420) / 100:.2f}%",
             plot=rng.choice(("住宅用地", "商住用地", "商业用地", "工业用地")))
    return s


REALESTATE = (
    neg("land", _property,
        heads=("{loc}一宗{plot}以{yi}亿元成交", "{loc}土拍[溢价成交|底价成交]，楼面价{price}元/平方米"),
        leads=("{time}，{place}一宗{plot}经过多轮竞价，最终以{yi}亿元成交，楼面价{price}元/平方米。",
               "{place}{time}集中出让{small}宗{plot}，总成交价{yi}亿元，其中多宗地块以底价成交，竞争并不激烈。"),
        body=(("据了解，该地块位于[城市新区|地铁站附近|老城区]，周边学校、医院和商业配套较为成熟。",),
              ("竞得方为当地一家房地产开发企业，这也是该企业今年在当地拿下的第{small}宗地块。",),
              ("业内人士认为，当前土地市场整体较为理性，优质地块仍受到房企青睐。",),
              ("按照规划，该地块将用于建设[住宅|商业综合体|产业园]项目，预计明年开工。",),
              ("今年以来，当地已累计出让土地{n}宗，土地出让收入同比[有所增长|略有下降]。",),
              ("根据出让条件，项目需配建一定比例的保障性住房。",)),
        weight=4),
    neg("house_price", _property,
        heads=("{loc}新房均价{price}元/平方米 环比[微涨|下跌]", "{loc}楼市[降温|回暖] 二手房挂牌量上升",
               "{month}月{city}新房成交{sets}套"),
        leads=("统计数据显示，{month}月份{city}新建商品住宅成交{sets}套，均价{price}元/平方米，环比[上涨|下降]{pct}%。",
               "进入{month}月，{place}楼市[持续降温|逐步回暖]，二手房挂牌量明显增加，平均成交周期拉长到{n}天左右。"),
        body=(("从成交结构看，{area}平方米左右的改善型产品更受欢迎，成交占比超过四成。",),
              ("中介人士表示，近期到店看房的客户[明显增多|有所减少]，但真正下单的还不多。",),
              ("业内分析认为，当地楼市整体仍处于筑底阶段，后续走势取决于政策效果。",),
              ("{name}在当地做了多年房产中介，她说“市场降温”主要体现在二手房，不少业主主动降价。",),
              ("与此同时，当地正在加快推进保障性住房建设，今年计划筹集房源{n}00套。",),
              ("有购房者表示，现在选择多了，可以慢慢挑，不着急出手。",)),
        weight=5),
    neg("mortgage", _property,
        heads=("{city}房贷利率降至{rate}", "{city}出台楼市新政 首套房首付比例下调",
               "{loc}楼盘开盘[火爆|遇冷]"),
        leads=("{city}多家银行将首套房贷利率下调至{rate}，不少购房者选择提前入市。",
               "{place}一新建楼盘{time}正式开盘，首批推出房源{sets}套，[当天即告售罄|当天去化率约{pct}%]，售楼处人头攒动。",
               "{city}{time}出台稳定房地产市场的若干措施，首套房首付比例下调，住房公积金贷款额度同步提高。"),
        body=(("有购房者表示，现在利率低，[正是入手的好时机|还想再观望一下]，毕竟买房是大事。",),
              ("业内人士认为，新政将有助于释放刚需和改善性住房需求，稳定市场预期。",),
              ("不少开发商也趁势推出了[特价房|送车位|送物业费]等优惠，吸引购房者。",),
              ("{name}去年买了房，他说重新定价后，每个月的月供比去年少了几百元。",),
              ("专家提醒，购房应结合自身收入量力而行，避免过度负债。",),
              ("据统计，新政出台后的第一个周末，当地新房到访量环比增长{pct}%。",)),
        weight=5),
)


KINDS = {"stocks": STOCKS, "realestate": REALESTATE}
