"""Irrelevant wire sentences about public life: diplomacy and elections, figurative uses of
emergency words, pleasant weather, launches and science, transport and city news."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import wire, wire_slots

NONE: tuple[str, ...] = ()

LEADERS = ("总统", "总理", "首相", "外长", "国防部长", "议长", "副总统", "财政部长")
DEALS = ("自由贸易协定", "投资保护协定", "联合声明", "合作备忘录", "互免签证协定", "气候合作协议")
HOT = ("火爆", "火出圈", "爆火", "大火", "火了", "爆满", "爆单", "卖爆了", "火热")
HOT_THINGS = ("露营", "淄博烧烤", "城市漫步", "演唱会经济", "国潮文创", "围炉煮茶", "短剧",
              "剧本杀", "冰雪游", "博物馆游", "夜市", "新能源车", "村超", "飞盘运动", "预制菜",
              "银发旅游", "冬泳", "音乐节", "汉服", "宠物经济")
FIG = (
    "{company}“爆雷” 投资人维权", "{name}人设“塌房” 代言品牌紧急解约", "{name}直播“翻车” 道歉",
    "{company}内部人事“地震”", "楼市“降温” {city}成交量下滑", "{thing}{hot}，一票难求", "{thing}持续{hot}",
    "{club}更衣室“起火” 主帅表态", "资金洪流涌入{thing}赛道", "{company}股价“崩盘”", "{company}遭遇“滑铁卢”",
    "{thing}“爆发式”增长", "{film_like}口碑“崩塌”", "“救火队长”{name}临危受命", "{city}{thing}生意“爆棚”",
    "{company}新品预售“爆单”", "一场“降温”：{thing}热度消退", "{name}新歌“引爆”全网", "{thing}迎来“井喷”",
    "{company}陷“灭火”危机", "{name}“炸场”表演惊艳全场", "{name}状态“火热”连场得分",
    "{company}新机谍照泄露", "热门游戏新作内容提前泄露", "两部大片档期“撞车”", "{company}发布会与对手“撞车”",
    "{name}新剧剧透遭泄露", "手游《{game_head}{game_tail}》开启公测", "《{game_head}崩塌》资料片上线", "{company}用户数据疑遭泄露",
)
FIG_LEADS = (
    "今年以来，{thing}持续{hot}，{city}多家相关门店节假日客流同比增长{pct}%。",
    "{day}，{company}宣布旗下理财产品“爆雷”，数百名投资人聚集在公司门口要求说法。",
    "{role}{name}因被曝私生活问题人设“塌房”，多个合作品牌{day}宣布与其解约。",
    "随着气温回升，{city}楼市却迎来“降温”，上月新房成交量环比下降{pct}%。",
    "{club}近期战绩不佳，更衣室“后院起火”，主力球员与教练组的矛盾公开化。",
    "大量资金像洪流一样涌入{thing}赛道，业内人士提醒投资者警惕泡沫。",
    "{name}在晚会上的一段表演“炸场”，相关视频{day}播放量突破{mid}00万。",
    "{company}{day}出现产品质量风波，公关团队连夜“灭火”，发布致歉声明。",
    "{city}的{thing}生意火爆，不少游客为了一张门票提前一周预订。",
    "{company}即将发布的新机谍照{day}在网上泄露，外观设计引发网友热议。",
    "两部备受期待的电影{day}宣布定档同一天，档期“撞车”引发业内关注。",
    "以末日灾难为背景的手游《{game_head}崩塌》{day}开启公测，首日下载量突破{mid}0万。",
)


def _politics(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(leader=rng.choice(LEADERS), deal=rng.choice(DEALS),
             country2=rng.choice(("法国", "巴西", "南非", "新加坡", "哈萨克斯坦", "德国", "埃及",
                                  "阿联酋", "新西兰", "匈牙利")),
             vote=rng.choice(("大选", "地方选举", "议会选举", "总统选举", "全民公投")),
             bill=rng.choice(("预算案", "移民法案", "养老金法案", "数字服务法", "税改方案")))
    return s


def _diplomacy(rng: Random) -> Slots:
    s = _politics(rng)
    s.update(matter=rng.choice(("在边境增派部队", "对本国企业实施制裁", "发表涉华错误言论",
                                "驱逐本国外交官", "举行军事演习", "干涉本国内政", "扣押本国渔船")))
    return s


DIPLOMACY = wire(
    "wire_diplomacy", NONE, _diplomacy,
    heads=("{country}召见{country2}大使表示抗议", "{country}就{matter}提出强烈抗议", "{country}外交部回应{country2}抗议",
           "{country}对{country2}{matter}表示强烈不满", "{country}向{country2}提出严正交涉", "{country}宣布驱逐{country2}外交官"),
    leads=(
        "{ftime}，{country}外交部召见{country2}驻该国大使，就其{matter}提出强烈抗议。",
        "针对{country2}{matter}一事，{country}外交部发言人{ftime}表示坚决反对，已提出严正交涉。",
        "{fsrc}，{country}政府{ftime}宣布，因{country2}{matter}，将驱逐{n}名{country2}外交官。",
        "外交部发言人{day}在例行记者会上回应{country}{matter}的相关提问，敦促其停止错误做法。",
    ),
    weight=10)


POLITICS = wire(
    "wire_politics", NONE, _politics,
    heads=("{country}{leader}抵达{country2}进行访问", "{country}与{country2}签署{deal}", "{country}{vote}结果揭晓",
           "{country}议会通过{bill}", "{country}{leader}{name}宣布辞职", "{country}新一届政府宣誓就职",
           "{country}{vote}投票开始", "{country}{leader}会见{country2}代表团", "{country}{leader}遭弹劾",
           "{country}{leader}与{country2}领导人通电话", "{country}总统候选人发表竞选演说",
           "{country}宣布与{country2}建交", "{country}执政党赢得{vote}", "{country}内阁改组"),
    leads=(
        "{fsrc}，{country}{leader}{name}{ftime}抵达{country2}，开始为期{n}天的正式访问。",
        "{ftime}，{country}与{country2}在{fcity}签署{deal}，双方同意进一步深化合作。",
        "{country}{vote}计票结果{ftime}公布，执政党获得{mid}%的选票，赢得议会多数席位。",
        "{fsrc}，{country}议会{ftime}以微弱优势通过了备受争议的{bill}。",
        "{country}{leader}{name}{ftime}宣布辞职，称将为国家政治稳定承担责任。",
        "{ftime}，{country}新一届政府在{fcity}宣誓就职，新{leader}承诺推动经济改革。",
    ),
    weight=22)


def _figurative(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(game_tail=rng.choice(("迷城", "猎手", "之夜", "行者", "侦探")),
             game_head=rng.choice(("末日", "地心", "天穹", "冰原", "废土")),
             hot=rng.choice(HOT), thing=rng.choice(HOT_THINGS),
             film_like=rng.choice(("续集电影", "热门网剧", "新一季综艺", "大结局")))
    return s


FIGURATIVE = wire("wire_figurative", NONE, _figurative, heads=FIG, leads=FIG_LEADS, weight=22)


def _misc(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(temp=str(rng.randint(12, 33)), sky=rng.choice(("晴朗", "多云", "晴到多云", "阳光明媚",
                                                            "秋高气爽", "风和日丽")),
             rocket=rng.choice(("长征系列运载火箭", "一枚商业火箭", "新一代运载火箭", "一枚探空火箭")),
             sat=rng.choice(("一颗遥感卫星", "一组通信卫星", "一颗气象卫星", "一艘货运飞船", "一颗科学实验卫星")),
             find=rng.choice(("一种新的抗癌机制", "一颗系外行星", "一批恐龙化石", "一座汉代古墓",
                              "一种新型电池材料", "一种新的昆虫物种", "千年前的古钱币")),
             transit=rng.choice(("地铁{n}号线", "城际铁路", "一条高速公路", "跨海大桥", "新机场",
                                 "高铁站", "有轨电车")).format(n=s["n"]),
             policy=rng.choice(("电动自行车新国标", "驾考新规", "ETC收费新规", "网约车新规",
                                "机动车年检新规", "限行新政", "停车收费新标准")))
    return s


MISC = wire(
    "wire_misc", NONE, _misc,
    heads=("{city}本周天气{sky} 最高气温{temp}℃", "{rocket}成功发射{sat}", "科学家发现{find}",
           "{city}{transit}正式开通", "{policy}{month}月{dd}日起施行", "{country}举行联合军事演习",
           "{loc}考古发现{find}", "国庆假期{city}接待游客{big}人次", "{city}{transit}开工建设",
           "{city}迎来{sky}天气 市民踏青赏花", "{country}宣布{transit}项目落地", "{loc}高考成绩今日公布",
           "{city}首届国际马拉松鸣枪开跑", "{city}新增{n}条公交线路", "{loc}扶贫搬迁安置点群众喜迁新居"),
    leads=(
        "据气象部门预报，未来一周{city}以{sky}天气为主，最高气温{temp}℃左右，适宜出行。",
        "{day}，{rocket}在酒泉卫星发射中心点火升空，成功将{sat}送入预定轨道。",
        "{country}研究团队{ftime}在国际期刊上发表论文称，他们发现了{find}。",
        "{day}，{city}{transit}正式开通运营，沿线市民出行将更加便捷。",
        "{policy}将于{month}月{dd}日起正式施行，新规对相关审批流程作了简化。",
        "{day}，考古人员在{place}发现了{find}，对研究当地历史具有重要价值。",
        "{ftime}，{country}与多国在{fcity}附近海域举行联合军事演习，为期{n}天。",
        "今年国庆假期，{city}共接待游客{big}人次，旅游收入同比增长{pct}%。",
        "{day}，{place}易地扶贫搬迁安置点的{n}户群众领到了新房钥匙，开始新生活。",
        "{place}易地扶贫搬迁安置点新建的扶贫车间{day}投产，可吸纳{mid}名群众就近就业。",
    ),
    weight=22)

def _sensational(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(alarm=rng.choice(("突发！", "刚刚！", "紧急通知！", "突然宣布！", "重磅！", "震惊！",
                               "官方回应！", "热搜第一！", "")),
             claim=rng.choice(("{name}与{name2}离婚", "{company}破产重组", "{club}主帅下课",
                               "{name}退出娱乐圈", "{company}创始人被带走", "{name}怀孕",
                               "{company}倒闭", "{name}停工休养", "{company}停止营业",
                               "{name}整容", "{company}裁员", "{name}恋情曝光")).format(
                 name=s["name"], name2=s["name2"], company=s["company"], club=s["club"]),
             verdict=rng.choice(("纯属谣言", "消息不实", "系恶意造谣", "属实", "正在核实",
                                 "将追究造谣者法律责任")))
    return s


SENSATIONAL = wire(
    "wire_sensational", NONE, _sensational,
    heads=("{alarm}{claim}", "{alarm}{claim}？官方：{verdict}", "网传{claim} 当事人回应：{verdict}",
           "{claim}上热搜 官方回应", "{alarm}{name}受伤退赛", "{claim}？{verdict}", "{name}辟谣{claim}",
           "{alarm}{company}股价闪崩", "{name}工作室：网传{claim}{verdict}"),
    leads=(
        "{day}，网上流传“{claim}”的消息，相关方面回应称{verdict}。",
        "针对网传{claim}一事，{name}工作室{day}发表声明，称{verdict}。",
        "“{claim}”的话题{day}冲上热搜，阅读量超过{mid}00万，{company}官方随后回应称{verdict}。",
        "{day}，有自媒体发文称{claim}，当事人在社交平台辟谣，表示{verdict}。",
        "{name}{day}在比赛中突然受伤退赛，后续赛程或将调整。",
        "{name}{day}透露将暂时停工休养一段时间，陪伴家人。",
    ),
    weight=14)

SCENARIOS = {"wpolitics": (POLITICS, DIPLOMACY), "wfigurative": (FIGURATIVE, SENSATIONAL), "wmisc": (MISC,)}
