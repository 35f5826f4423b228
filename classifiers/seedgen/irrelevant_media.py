"""Irrelevant news, part one: markets, property, sports, games, film, celebrities, figurative
uses of emergency words, tourism. Many are hard negatives that borrow emergency vocabulary."""

from collections.abc import Callable, Sequence
from random import Random

from classifiers.seedgen import vocab
from classifiers.seedgen.core import Scenario, Slots


def neg(name: str, slots: Callable[[Random], Slots], heads: Sequence[str],
        leads: Sequence[str], body: Sequence[Sequence[str]], weight: int = 10) -> Scenario:
    """An irrelevant story type: a scenario with no labels."""
    return Scenario(name, (), slots, heads, leads, body, weight)


SECTORS = ("半导体", "新能源汽车", "白酒", "券商", "光伏", "医药", "银行", "房地产", "军工",
           "消费电子", "有色金属", "煤炭", "人工智能", "游戏", "旅游酒店", "锂电池", "农业")
# A-share indexes and the range their level moves in
INDEXES = (("上证指数", 2700, 3600), ("深证成指", 8500, 11500), ("创业板指", 1700, 2500),
           ("沪深300", 3300, 4200), ("科创50", 750, 1100), ("北证50", 700, 1300))


def common(rng: Random) -> Slots:
    """Place, time, invented names and assorted numbers for irrelevant stories."""
    s = vocab.place(rng)
    s.update(time=vocab.when_soft(rng), name=vocab.full_name(rng), name2=vocab.full_name(rng),
             pct=f"{rng.randint(5, 980) / 100:.1f}", n=str(rng.randint(3, 90)),
             big=vocab.rounded(rng, 1000, 900000), yi=f"{rng.randint(2, 600) / 10:.1f}",
             year=str(rng.choice((2021, 2022, 2023, 2024))), month=str(rng.randint(1, 12)),
             day=str(rng.randint(1, 28)), small=vocab.num(rng, rng.randint(2, 9)))
    return s


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


def _sport(rng: Random) -> Slots:
    s = common(rng)
    football = rng.random() < 0.5
    teams = rng.sample(("广州", "深圳", "上海", "北京", "山东", "浙江", "江苏", "辽宁", "四川",
                        "武汉", "天津", "青岛", "成都", "长沙", "珠海", "福建", "新疆", "河南"), 2)
    a, b = (rng.randint(1, 5), rng.randint(0, 3)) if football else (
        rng.randint(95, 125), rng.randint(75, 94))
    if football and a <= b:
        a = b + 1
    s.update(league=rng.choice(("中超", "中甲", "足协杯")) if football
             else rng.choice(("CBA", "全运会篮球", "WCBA")),
             team=teams[0] + "队", team2=teams[1] + "队", win=f"{a}比{b}",
             verb=rng.choice(("力克", "击败", "战胜")),
             scored="打进首球" if football else "连续命中三分",
             round=str(rng.randint(2, 30)), fans=vocab.rounded(rng, 3000, 60000),
             injury=rng.choice(("脚踝扭伤", "膝盖韧带拉伤", "大腿肌肉拉伤", "肩部受伤", "手指骨折")),
             weeks=vocab.num(rng, rng.randint(2, 8)))
    return s


_MATCH_BODY = (
    ("比赛开始后，{team}[攻势凶猛|进入状态较慢]，{name}率先{scored}，帮助球队取得领先。",
     "上半场双方你来我往，{team}凭借{name}的出色发挥建立起优势。"),
    ("下半场，{team2}加强了防守强度并连续反击，一度将比分追近，但未能完成逆转。",),
    ("赛后，{team}主教练在新闻发布会上表示，球队赢得并不轻松，防守环节还需要加强。",),
    ("本场比赛吸引了{fans}名球迷到场观赛，现场助威声此起彼伏，气氛[火爆|热烈]。",),
    ("凭借这场胜利，{team}暂列积分榜前[三|四]位，距离榜首只差[两|三]分。",),
    ("下一轮比赛中，{team}将做客挑战实力强劲的{team2}，届时又将是一场硬仗。",),
)
SPORTS = (
    neg("match", _sport,
        heads=("{league}第{round}轮：{team}{win}{verb}{team2}", "{team}{win}{verb}{team2} 取得[三连胜|开门红]",
               "{team2}主场失利 {team}{win}取胜", "{league}焦点战：{team}火力全开{verb}{team2}"),
        leads=("{time}，{league}第{round}轮一场焦点战在{city}打响，{team}在客场以{win}{verb}{team2}，取得宝贵的胜利。",
               "在{time}进行的{league}比赛中，{team}凭借{name}的出色发挥，以{win}{verb}{team2}，继续保持不败战绩。"),
        body=_MATCH_BODY, weight=8),
    neg("injury", _sport,
        heads=("{team}主力{name}{injury} 将缺阵{weeks}周", "{name}比赛中受伤离场 {team}仍{win}取胜",
               "伤病困扰！{team}核心{name}确认{injury}"),
        leads=("在{time}进行的{league}比赛中，{team}核心球员{name}[落地时扭伤|与对手冲撞后]受伤离场，赛后检查结果为{injury}。",
               "{team}{time}发布伤情通报，主力球员{name}在上一场比赛中{injury}，预计将缺阵{weeks}周。"),
        body=(("{name}受伤后，队医第一时间进场处理，随后他在队友搀扶下离开了球场。",),
              ("队医介绍，{name}的伤情还需要进一步检查，球队将为他制定详细的康复计划。",),
              ("缺少{name}之后，{team}的进攻组织受到一定影响，但替补球员表现可圈可点。",),
              ("不少球迷在社交平台上为{name}送上祝福，希望他早日康复、重返赛场。",),
              ("{team}主教练表示，球队会做好人员调整，其他队员要顶上来。",),
              ("这已经是{name}本赛季第{small}次受伤，他的伤病情况引发球迷担忧。",)),
        weight=5),
    neg("collapse_fig", _sport,
        heads=("下半场[崩盘|崩溃]！{team2}遭{team}逆转", "{team}官宣{name}出任主教练 扮演“救火队员”",
               "{league}“地震”：卫冕冠军{team2}爆冷出局"),
        leads=("{league}比赛中，{team2}在领先的情况下遭遇逆转，最终以[一分之差|一球之差]不敌{team}，球迷直呼“防线全面崩盘”。",
               "{team}{time}官宣，由{name}接替下课的主帅，这位经验丰富的“救火教练”将带队冲击[季后赛|保级]。"),
        body=(("赛后，不少球迷在社交平台上表达不满，认为球队在关键时刻心态出了问题。",),
              ("{name}此前曾多次临危受命，带领球队成功扭转不利局面，被媒体称为“救火专家”。",),
              ("俱乐部在声明中表示，将全力支持新帅的工作，并在转会窗口补强阵容。",),
              ("接下来的赛程中，球队将连续迎来多场硬仗，能否止住颓势备受关注。",),
              ("评论员认为，球队的阵容深度不足，一旦主力体能下降，比赛就容易失控。",),
              ("本赛季至今，{team2}已经[三次|四次]出现大比分领先被逆转的情况。",)),
        weight=4),
)


def _game(rng: Random) -> Slots:
    s = common(rng)
    s.update(game=rng.choice(("《消防英雄：极限救援》", "《火线指挥官》", "《末日求生》",
                              "《星穹远征》", "《山海行》", "《都市消防队》", "《疾风车神》",
                              "《方块农场》", "《王城争霸》", "《救援模拟器》", "《洪流》")),
             platform=rng.choice(("手机", "主机", "PC", "云端")),
             players=vocab.rounded(rng, 10000, 9000000),
             team=rng.choice(("星火战队", "烈焰战队", "雷霆俱乐部", "深海战队", "极光战队")),
             team2=rng.choice(("猛虎战队", "北极星战队", "风暴俱乐部", "青龙战队")))
    return s


GAMES = (
    neg("game_launch", _game,
        heads=("{platform}游戏{game}上线首日玩家破{players}", "消防主题游戏{game}公测 玩家体验“灭火救援”",
               "{game}新版本上线 新增“暴雨关卡”", "{game}成年度爆款 [下载量|流水]创新高",
               "{game}{platform}版{month}月{day}日上线", "{game}预约人数突破{players}"),
        leads=("{time}，以消防救援为题材的{platform}游戏{game}开启公测，玩家可在游戏中扮演消防员指挥灭火、搜救被困者。",
               "{game}近日推出新版本，新增火山、暴雨等灾难场景关卡，上线当天在线人数突破{players}，登上下载榜榜首。",
               "{platform}游戏{game}上线一周，注册玩家突破{players}，成为今年游戏市场的爆款产品。"),
        body=(("据开发团队介绍，游戏中的[火场|洪水]画面采用全新引擎制作，连烟雾和水流效果都力求真实。",),
              ("游戏上线后迅速登上多个平台下载榜榜首，相关话题在社交平台上讨论热烈。",),
              ("不少玩家表示，游戏玩法新颖，但[部分关卡难度偏高|付费内容较多]，希望官方继续优化。",),
              ("业内人士认为，兼具娱乐性和知识性的功能性游戏正成为行业新的增长点。",),
              ("据统计，该游戏全平台注册玩家已超过{players}，日活跃用户保持增长。",),
              ("开发商表示，后续还将推出联机合作模式和更多原创剧情。",)),
        weight=6),
    neg("game_crash", _game,
        heads=("{game}服务器“崩了” 官方致歉", "{game}登录异常 玩家获补偿", "{game}开服即“爆满” 玩家排队登录"),
        leads=("{time}晚，{game}因大量玩家同时涌入导致服务器崩溃，官方随后发布致歉声明，并向全体玩家发放补偿。",
               "{game}新版本{time}上线后出现大范围登录异常，不少玩家排队数小时仍无法进入游戏。"),
        body=(("故障持续了约{small}个小时，期间大量玩家无法登录，相关话题一度冲上热搜。",),
              ("官方表示，已紧急扩容服务器，并对技术团队的应急处理流程进行复盘。",),
              ("补偿内容包括游戏道具、金币和体力值，玩家登录后即可在邮箱中领取。",),
              ("有玩家调侃“服务器比火场还火”，也有玩家表示理解，希望尽快修复。",),
              ("目前，游戏已恢复正常运行，在线人数回升至正常水平。",),
              ("业内人士指出，新游上线初期服务器压力大，厂商应提前做好预案。",)),
        weight=2),
    neg("esports", _game,
        heads=("电竞联赛：{team}力克{team2}", "{team}夺得[春季赛|年度总决赛]冠军", "{team2}爆冷出局 {team}晋级决赛",
               "{game}职业联赛{city}站落幕"),
        leads=("在{time}结束的电竞联赛中，{team}以3比{small}的比分击败{team2}，队员{name}获评本场最有价值选手。",
               "{game}职业联赛总决赛{time}在{city}落幕，{team}力克{team2}，夺得本赛季冠军。"),
        body=(("比赛现场座无虚席，线上观看人数超过{players}，弹幕刷屏。",),
              ("{name}在决胜局中发挥出色，多次打出精彩操作，帮助球队锁定胜局。",),
              ("{team}教练表示，队员们赛前做了充分准备，针对对手的打法进行了专门训练。",),
              ("本届联赛奖金池总额达[数百万|上千万]元，吸引了{n}支队伍参赛。",),
              ("下一赛季将于[秋季|明年春季]开赛，届时将有更多新队伍加入。",),
              ("主办方表示，电竞赛事带动了{city}的文旅消费。",)),
        weight=3),
)


def _film(rng: Random) -> Slots:
    s = common(rng)
    s.update(film=rng.choice(("《长夜将明》", "《逆风而行》", "《南方来信》", "《大河之上》",
                              "《星海之约》", "《追光的人》", "《雾城》", "《第七个冬天》",
                              "《风过青山》", "《归途有灯》", "《少年与海》", "《烈火英雄》")),
             show=rng.choice(("《乘风而来》", "《声声入心》", "《向往的小院》", "《一起去露营》",
                              "《舞台之上》", "《青春合伙人》")),
             box=f"{rng.randint(10, 600) / 10:.1f}亿元",
             genre=rng.choice(("灾难片", "动作片", "剧情片", "喜剧片", "科幻片", "动画电影")))
    return s


FILM = (
    neg("box_office", _film,
        heads=("{film}票房[火爆|大卖] 累计突破{box}", "{film}上映{n}天 票房破{box}",
               "暑期档{genre}{film}[燃爆|引爆]全场", "{film}成为年度[爆款|黑马]"),
        leads=("据猫眼专业版数据，截至{time}，{genre}{film}累计票房突破{box}，位列同档期票房榜首。",
               "由{name}主演的{genre}{film}{time}上映，首日排片占比超过[三成|四成]，上座率领跑同期影片。",
               "以消防员为主角的电影《烈火英雄》近日重映，票房持续火爆，不少观众看完后直呼“泪目”。"),
        body=(("影片讲述了[一群普通人在危难中挺身而出|一个家庭跨越多年的和解]的故事，情感真挚动人。",),
              ("片中的[火场|暴雨]特效场面令不少观众印象深刻，被认为达到了国产电影的新高度。",),
              ("不少观众表示，影片情节紧凑，演员表演真挚，值得走进影院观看。",),
              ("业内人士分析，今年暑期档市场[火热|回暖]，优质国产片成为票房主力。",),
              ("导演{name2}表示，希望观众能在影片中找到共鸣，感受到平凡人的力量。",),
              ("据悉，影片预计将在下月登陆流媒体平台。",)),
        weight=7),
    neg("flop", _film,
        heads=("{film}口碑“崩盘” 评分跌至[五|六]分", "{film}票房遇冷 上映{n}天仅{box}"),
        leads=("{genre}{film}上映后口碑[急转直下|两极分化]，网络评分跌至[五|六]分，影院排片也随之大幅缩水。",
               "投资数亿元的{genre}{film}上映{n}天票房仅{box}，远低于片方预期，被不少网友称为“票房滑铁卢”。"),
        body=(("有观众认为，影片剧情拖沓，人物塑造单薄，结尾也过于仓促。",),
              ("也有观众表示，影片特效制作还算精良，部分动作戏看得很过瘾。",),
              ("片方随后发文回应称，虚心接受观众意见，会在今后的创作中改进。",),
              ("业内人士认为，观众对国产片的要求越来越高，只靠明星和特效已经很难打动人。",),
              ("目前，影片累计票房{box}，预计最终难以收回成本。",),
              ("与之形成对比的是，同档期几部小成本影片凭借口碑实现了逆袭。",)),
        weight=3),
    neg("variety_show", _film,
        heads=("综艺{show}收官 人气爆棚", "{show}第二季定档 {name}加盟", "{show}收视[领跑|夺冠] 话题阅读破{big}"),
        leads=("综艺{show}{time}迎来收官，节目播出期间多次登上热搜，网络播放量累计超过{big}次。",
               "{show}第二季{time}官宣定档，{name}、{name2}等加盟常驻嘉宾，节目组透露将走进更多城市。"),
        body=(("节目以[慢生活|音乐|户外]为主题，嘉宾之间的真实互动深受年轻观众喜爱。",),
              ("收官期间，多位嘉宾回顾了录制中的趣事，不少观众直呼“舍不得”。",),
              ("节目组透露，新一季将增加更多互动环节，并邀请观众参与节目录制。",),
              ("有网友留言说，每周最期待的就是这档节目，看完心情都变好了。",),
              ("据统计，节目相关话题阅读量超过{big}，带动了多个取景地的旅游热度。",),
              ("业内人士认为，真实、温暖的内容正成为综艺节目新的流量密码。",)),
        weight=3),
)


def _celebrity(rng: Random) -> Slots:
    s = common(rng)
    s.update(job=rng.choice(("演员", "歌手", "主持人", "导演", "编剧", "相声演员", "表演艺术家",
                             "作曲家", "配音演员")),
             age=str(rng.randint(62, 98)), illness=rng.choice(("因病", "因病医治无效", "因病救治无效")),
             works=rng.choice(("《山路弯弯》", "《老街》", "《一路向南》", "《月光下》", "《远方的家》",
                               "《青石巷》", "《江南雨》")),
             concert=rng.choice(("巡回演唱会", "个人演唱会", "音乐节", "见面会")))
    return s


CELEBRITY = (
    neg("obituary", _celebrity,
        heads=("著名{job}{name}{illness}去世 享年{age}岁", "{job}{name}因病离世，代表作{works}",
               "送别{name}：一代{job}谢幕"),
        leads=("{time}，记者从家属处获悉，著名{job}{name}{illness}于{city}去世，享年{age}岁，[同行和观众纷纷悼念|其代表作{works}家喻户晓]。",
               "据{name}家属发布的讣告，{job}{name}{illness}，于{time}在{city}逝世，享年{age}岁。"),
        body=(("{name}从艺[四十余年|数十年]，塑造了众多深入人心的艺术形象，代表作有{works}等。",),
              ("消息传出后，众多同行和网友在网上发文悼念，感谢他留下的经典作品。",),
              ("家属表示，遵照其生前遗愿，丧事从简，不举办公开追悼会。",),
              ("{name}晚年仍坚持[授课|创作]，培养了许多青年演员，被后辈们称为“恩师”。",),
              ("不少观众回忆，{works}陪伴了自己的童年，剧中的许多台词至今记忆犹新。",),
              ("{name}生前曾说，能一辈子做自己喜欢的事，是最大的幸福。",)),
        weight=5),
    neg("gossip", _celebrity,
        heads=("{job}{name}官宣[恋情|结婚]", "{name}新作{works}[热播|开机]", "{job}{name}回应网络传闻"),
        leads=("{job}{name}{time}在社交平台发文，官宣与圈外女友恋情，相关话题迅速登上热搜，阅读量超过{big}。",
               "{job}{name}主演的新剧{works}{time}开播，首集播放量突破{big}次，剧中角色引发热议。"),
        body=(("消息发布后，不少网友和圈内好友纷纷送上祝福。",),
              ("{name}的经纪公司随后发布声明，感谢大家的关心，希望给予艺人更多私人空间。",),
              ("该剧由{name2}执导，讲述了一个普通家庭在城市打拼的温暖故事。",),
              ("不少粉丝表示，将继续支持他的作品，期待他带来更多好角色。",),
              ("据悉，{name}近期还将参加一档音乐综艺节目的录制。",),
              ("有评论认为，{name}这几年的转型相当成功，演技越来越受认可。",)),
        weight=4),
    neg("concert", _celebrity,
        heads=("歌手{name}{concert}门票秒空 人气爆棚", "{name}{concert}{city}站[火爆开唱|圆满落幕]"),
        leads=("歌手{name}{concert}{city}站{time}开票，数万张门票在几分钟内全部售罄，不少歌迷直呼“根本抢不到”。",
               "{time}，{name}{concert}在{city}举行，[数万名|上万名]歌迷齐声合唱经典歌曲，现场气氛热烈。"),
        body=(("演唱会现场，{name}演唱了{n}首歌曲，每唱到经典曲目，全场都会响起大合唱。",),
              ("为保障观众有序离场，主办方联合交通部门加开了地铁班次和接驳巴士。",),
              ("据当地文旅部门统计，演唱会带动了周边酒店、餐饮和交通消费。",),
              ("不少歌迷从外地专程赶来，有人提前一天就住进了场馆附近的酒店。",),
              ("演出最后，{name}向歌迷鞠躬致谢，表示明年还会再来。",),
              ("有歌迷感慨，听着这些老歌，仿佛回到了学生时代。",)),
        weight=3),
)


def _figurative(rng: Random) -> Slots:
    s = common(rng)
    s.update(product=rng.choice(("奶茶新品", "一款雪糕", "博物馆文创", "非遗手作", "一款月饼",
                                 "地方小吃", "联名咖啡")),
             trend=rng.choice(("村超", "烧烤", "城市漫步", "围炉煮茶", "夜市", "露营", "特种兵式旅游")),
             market=rng.choice(("二手车市场", "奢侈品市场", "咖啡市场", "预制菜市场", "露营经济",
                                "盲盒市场", "新茶饮行业", "演出市场")))
    return s


FIGURATIVE = (
    neg("viral_product", _figurative,
        heads=("{loc}{product}火出圈 [游客|顾客]排队数小时", "{product}成今夏爆款 销量暴涨",
               "{loc}{product}“燃”爆社交平台"),
        leads=("{place}一家店铺推出的{product}成为社交平台上的爆款，每天排队的顾客络绎不绝，最长要等两个多小时。",
               "{time}，{place}的{product}在网上火出圈，相关话题阅读量超过{big}，不少外地游客专程赶来购买。"),
        body=(("店主{name}说，没想到一夜之间就火了，现在每天要准备平时好几倍的原料，店员也增加了一倍。",),
              ("有消费者表示，排队两小时只为尝个鲜，味道还不错，就是价格稍微有点贵。",),
              ("专家提醒，网红经济要想长红，关键还在于品质和服务，不能只靠营销。",),
              ("数据显示，相关产品的线上搜索量一周内增长了{n}倍。",),
              ("当地市场监管部门也提醒商家诚信经营，明码标价，不得哄抬价格。",),
              ("为了缓解排队压力，店家推出了线上预约和限购措施。",)),
        weight=6),
    neg("viral_trend", _figurative,
        heads=("{loc}{trend}火出圈", "{loc}{trend}人气爆棚 “烟火气”回来了", "{trend}热度不减 {loc}趁势推出新线路"),
        leads=("今年以来，{place}的{trend}持续火爆，不少外地游客专程赶来“打卡”，周边商户生意明显好转。",
               "夜幕降临，{place}的{trend}人气爆棚，市民游客摩肩接踵，到处洋溢着浓浓的“烟火气”。"),
        body=(("当地文旅部门趁热推出了相关旅游线路和优惠套餐，吸引更多游客前来。",),
              ("{name}从外地赶来，她说这里的氛围特别好，来了一次还想再来。",),
              ("据统计，周边餐饮、住宿等消费同比增长{pct}%，不少商户延长了营业时间。",),
              ("有专家认为，{trend}的走红反映了年轻人更加注重体验和社交的消费观念。",),
              ("当地表示，将做好交通疏导和环境卫生等服务保障，让游客玩得舒心。",),
              ("相关短视频在网络上获得了大量点赞，进一步带动了热度。",)),
        weight=5),
    neg("market_cooling", _figurative,
        heads=("{market}持续降温 [价格|销量]下滑", "{market}迎来“寒冬”？业内人士这样说",
               "价格跳水！{market}进入洗牌期", "{city}{market}降温明显"),
        leads=("今年以来，{market}明显降温，多家企业[下调价格|收缩门店]，行业整体进入调整期，销售额同比下降{pct}%。",
               "曾经火爆一时的{market}如今遭遇“寒冬”，{city}不少从业者选择转型或者收缩规模，以应对市场变化。"),
        body=(("业内人士分析，{market}经过前几年的爆发式增长，正逐步回归理性。",),
              ("数据显示，今年以来行业新开门店数量同比减少{n}%，闭店数量则明显增加。",),
              ("{name}经营门店多年，他说现在客流比前两年少了不少，生意不如以前好做。",),
              ("也有企业选择逆势扩张，通过差异化产品寻找新的增长点。",),
              ("专家认为，行业洗牌有利于淘汰落后产能，促进长期健康发展。",),
              ("有消费者表示，价格降下来之后，反而愿意多买一些。",)),
        weight=5),
)


def _tour(rng: Random) -> Slots:
    s = common(rng)
    s.update(spot=rng.choice(("古镇", "海滨浴场", "森林公园", "博物馆", "主题乐园", "古城",
                              "温泉度假区", "湿地公园", "海岛")),
             flower=rng.choice(("油菜花", "樱花", "桃花", "杜鹃花", "格桑花", "向日葵", "荷花")),
             festival=rng.choice(("春节", "五一", "国庆", "端午", "中秋", "元旦", "清明")),
             visitors=vocab.rounded(rng, 20000, 5000000), income=f"{rng.randint(2, 900) / 10:.1f}亿元")
    return s


TOURISM = (
    neg("holiday", _tour,
        heads=("{festival}假期{loc}接待游客{visitors}人次", "{festival}假期{loc}文旅市场火热",
               "{loc}{spot}游客爆满 门票提前售罄"),
        leads=("{festival}假期，{place}共接待游客{visitors}人次，实现旅游收入{income}，同比增长{pct}%。",
               "{time}，{place}{spot}迎来客流高峰，景区门票提前售罄，周边停车场一位难求。"),
        body=(("景区负责人介绍，为应对客流高峰，景区增加了[接驳车|志愿者|临时停车位]，并实行分时段预约。",),
              ("{name}带着家人从外地赶来，她说这里的风景比想象中还要美，孩子玩得特别开心。",),
              ("假期期间，当地还推出了[非遗展演|美食节|灯光秀]等系列活动，丰富游客体验。",),
              ("据统计，假期期间当地酒店入住率超过[八成|九成]，部分民宿一房难求。",),
              ("文旅部门提醒游客错峰出行，提前预约门票和住宿。",),
              ("业内人士认为，文旅消费的持续升温，为当地经济注入了新的活力。",)),
        weight=6),
    neg("flowers", _tour,
        heads=("{loc}{flower}迎来最佳观赏期", "{loc}{flower}花海引游客打卡"),
        leads=("随着气温回升，{place}的{flower}迎来最佳观赏期，吸引大批市民游客前来赏花拍照，周末客流明显增多。",),
        body=(("花海面积约{n}0亩，远远望去一片绚烂，与远处的村庄相映成趣。",),
              ("不少游客穿上汉服在花丛中拍照留念，还有人带着无人机航拍。",),
              ("当地村民在路边摆起小摊，售卖土特产和小吃，收入比平时增加不少。",),
              ("据介绍，预计最佳观赏期将持续到下月中旬。",),
              ("当地表示，将以花为媒，继续发展乡村旅游，带动村民增收。",),
              ("为方便游客，村里还新修了停车场和观景步道。",)),
        weight=3),
)

KINDS = {
    "stocks": STOCKS, "realestate": REALESTATE, "sports": SPORTS, "games": GAMES, "film": FILM,
    "celebrity": CELEBRITY, "figurative": FIGURATIVE, "tourism": TOURISM,
}
