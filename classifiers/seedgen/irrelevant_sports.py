"""Irrelevant news about sports and games: matches, injuries, coaches, game launches, esports."""

from random import Random

from classifiers.seedgen import vocab_numbers
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg


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
             round=str(rng.randint(2, 30)), fans=vocab_numbers.rounded(rng, 3000, 60000),
             injury=rng.choice(("脚踝扭伤", "膝盖韧带拉伤", "大腿肌肉拉伤", "肩部受伤", "手指骨折")),
             weeks=vocab_numbers.num(rng, rng.randint(2, 8)))
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
             players=vocab_numbers.rounded(rng, 10000, 9000000),
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


KINDS = {"sports": SPORTS, "games": GAMES}
