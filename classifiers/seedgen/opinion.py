"""Online-opinion stories (网络舆情, 辟谣, 信息发布) and ideological security (意识形态)."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots

OPINION = ("online_opinion",)
IDEOLOGY = ("ideological_security",)

RUMOURS = (
    ("一化工厂发生大爆炸", "化工厂爆炸"), ("水库溃坝", "水库溃坝"), ("将发生大地震", "地震预报"),
    ("地铁站被淹致多人遇难", "地铁站被淹"), ("商场坍塌", "商场坍塌"), ("一小区大火烧死多人", "小区火灾"),
    ("台风将正面登陆全城停工", "台风停工"), ("自来水被化学品污染", "自来水污染"),
    ("隧道坍塌数十人被困", "隧道坍塌"), ("高速公路发生特大车祸", "高速车祸"),
    ("燃气管道爆炸全城停气", "燃气爆炸"), ("山体滑坡掩埋整个村庄", "山体滑坡"),
)
PLATFORMS = ("微博", "短视频平台", "微信群", "朋友圈", "本地论坛", "视频号", "网络问答平台")
DISPUTES = (
    (("online_opinion", "fire"), "一起火灾", "救援迟缓", "消防救援支队"),
    (("online_opinion", "fire"), "一起居民楼火灾", "伤亡人数", "应急管理局"),
    (("online_opinion", "hazardous_chemicals"), "一起化工企业爆炸事故", "伤亡数字", "应急管理局"),
    (("online_opinion", "hazardous_chemicals"), "一起燃气爆炸", "事故原因", "应急管理局"),
    (("online_opinion", "production_safety"), "一起工地坍塌事故", "瞒报", "应急管理局"),
    (("online_opinion", "production_safety"), "一起煤矿事故", "迟报", "应急管理局"),
    (("online_opinion", "production_safety"), "一起交通事故", "处置过程", "应急管理局"),
    (("online_opinion", "flood_drought"), "暴雨内涝", "预警不及时", "三防指挥部"),
    (("online_opinion", "flood_drought"), "一场山洪", "转移不及时", "应急管理局"),
    (("online_opinion", "relief_supplies"), "灾后安置", "救灾物资去向", "应急管理局"),
)


def _rumour(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    rumour, short = rng.choice(RUMOURS)
    s.update(rumour=rumour, short=short, platform=rng.choice(PLATFORMS),
             reads=rng.choice(("十余万", "数十万", "上百万", "数万", "超过50万")),
             agency=rng.choice(("应急管理局", "公安局", "三防指挥部", "应急管理局和公安局", "网信办")),
             fact=rng.choice(("系旧视频拼接", "系外地旧闻", "纯属捏造", "系AI合成图片",
                              "系将演练画面当作真实事故", "与事实严重不符")),
             penalty=rng.choice(("行政拘留5日", "行政拘留10日", "批评教育", "罚款500元",
                                 "行政拘留3日")))
    return s


def _dispute(rng: Random, topics: tuple[str, ...]) -> Slots:
    s = vocab_events.base(rng)
    options = [d for d in DISPUTES if d[0] == topics]
    _, event, point, agency = rng.choice(options)
    s.update(event=event, point=point, agency=agency, platform=rng.choice(PLATFORMS),
             reads=rng.choice(("十余万", "数十万", "上百万", "数万")),
             hours=vocab_numbers.num(rng, rng.randint(2, 20)))
    return s


def _bureau(rng: Random) -> Slots:
    s = _rumour(rng)
    s.update(topic=rng.choice(("执法检查", "安全生产执法罚款", "防汛值班", "台风期间停工通知",
                               "救灾物资发放", "消防检查", "企业约谈")),
             staff=rng.choice(("工作人员", "执法人员", "值班人员")),
             count=str(rng.randint(20, 600)))
    return s


RUMOUR = Scenario(
    "rumour", OPINION, _rumour,
    heads=(
        "网传{loc}{rumour}？[官方辟谣|系谣言]",
        "{loc}{agency}辟谣：网传“{short}”不实",
        "“{short}”是谣言！{loc}发布澄清",
        "{loc}一网民编造“{short}”谣言被处罚",
        "网传{loc}{short}视频{fact}",
        "辟谣｜{loc}{short}？假的！",
    ),
    leads=(
        "近日，有网民在{platform}发布消息称“{place}{rumour}”，经{city}{agency}核实，该信息{fact}。",
        "针对网传“{place}{rumour}”的消息，{city}{agency}{time}发布澄清，称相关信息不实，请市民不信谣、不传谣。",
        "{time}，{place}一网民在{platform}编造发布“{rumour}”的谣言，造成不良影响，已被警方依法{penalty}。",
        "一段“{place}{rumour}”的视频近日在{platform}传播，阅读量{reads}，经核实该视频{fact}。",
    ),
    body=(
        ("该信息发布后在网上迅速传播，引发部分群众恐慌。",
         "不少网友在评论区转发求证，相关话题一度登上本地热搜。"),
        ("经{agency}调查核实，该信息{fact}，当地并未发生相关事件。",
         "{agency}第一时间联系相关部门核查，确认[现场一切正常|当地没有发生类似事件]。"),
        ("警方已对造谣者依法{penalty}。", "目前，相关谣言信息已被平台删除。"),
        ("{agency}提醒，网络不是法外之地，请广大网民不造谣、不信谣、不传谣。",
         "如需了解突发事件信息，请以官方发布为准。"),
        ("相关负责人表示，将持续加强网络舆情监测，及时回应社会关切。",),
    ),
    weight=25,
)

TAMPER = Scenario(
    "tamper", OPINION, _rumour,
    heads=(
        "篡改官方通报数字转发 {loc}一网民被查处",
        "{loc}{agency}提醒：网传“通报”系伪造",
        "假冒官方账号发布不实信息 {loc}警方介入",
        "{loc}：有人篡改官方通报 {agency}发布声明",
    ),
    leads=(
        "近日，有人将{place}[一起事故|一起火灾|防汛]情况通报中的伤亡数字篡改后在{platform}转发，{city}{agency}发布声明予以澄清。",
        "{time}，{platform}出现一份盖有“{city}{agency}”字样的所谓通知，经核实系伪造，当地已报警处理。",
        "{place}一网民{time}假冒官方账号发布“{rumour}”的不实通报，已被警方依法{penalty}。",
    ),
    body=(
        ("经比对，网传版本篡改了原通报中的[时间|人数|地点|事故原因]等关键信息。",
         "该伪造文件[格式粗糙|落款错误]，但仍被不少网友转发。"),
        ("{agency}表示，官方信息均通过政府网站和官方账号发布，请以此为准。",),
        ("警方已对篡改、伪造官方信息者依法{penalty}。",),
        ("相关部门提醒，篡改、伪造官方信息涉嫌违法，将依法追究责任。",),
        ("目前，相关不实信息已被删除，网络平台也对相关账号作出处置。",),
    ),
    weight=8,
)

BUREAU = Scenario(
    "bureau_post", OPINION, _bureau,
    heads=(
        "网帖称{loc}应急管理局{topic}不规范 官方回应",
        "{loc}应急管理局回应网友关于{topic}的质疑",
        "网曝{loc}应急{staff}[态度差|乱罚款]？调查结果公布",
        "{loc}应急局：已关注网上关于{topic}的反映",
        "{loc}应急管理部门{topic}引热议",
    ),
    leads=(
        "近日，有网友在{platform}发帖称{bureau}{staff}在{topic}中[态度生硬|程序不规范|存在乱罚款现象]，该局{day}发布情况说明回应。",
        "针对网上关于{topic}的反映，{bureau}表示已成立调查组核查，将及时公布结果。",
        "一则反映{place}应急{staff}{topic}问题的网帖近日引发关注，阅读量{reads}，当地已介入调查。",
    ),
    body=(
        ("经调查，网帖反映的情况[部分属实|与事实不符|系对政策的误解]。",
         "该局已调取执法记录仪视频，对相关情况进行了核实。"),
        ("对存在问题的{staff}，已进行批评教育并责令整改。",
         "该局表示，欢迎社会各界对应急管理工作进行监督。"),
        ("网友评论两极分化，有人认为执法应当从严，也有人认为方式需要改进。",),
        ("当地网信部门提醒网民理性发声，不传播未经核实的信息。",),
        ("下一步，该局将加强执法规范化建设，提升服务水平。",),
    ),
    weight=10,
)

MONITOR = Scenario(
    "monitor", OPINION, _bureau,
    heads=(
        "{loc}应急管理局召开网络舆情研判会",
        "{loc}举办突发事件舆情应对培训",
        "{loc}：突发事件信息发布[机制|流程]进一步完善",
    ),
    leads=(
        "{day}，{bureau}召开网络舆情研判会，分析近期涉应急管理领域舆情动态，部署{topic}相关舆情应对工作。",
        "近日，{place}举办突发事件舆情应对专题培训，{count}名应急系统干部参加。",
        "{place}近日出台突发事件信息发布工作规范，明确重大事件信息发布时限和责任分工。",
    ),
    body=(
        ("会议要求，对涉及应急管理的网络舆情要早发现、早研判、早处置。",),
        ("培训邀请专家讲解了网络舆情特点和新闻发布技巧。",),
        ("各科室要严格落实信息报送制度，不得迟报、漏报、瞒报。",),
        ("对网上出现的不实信息，要及时澄清，主动回应社会关切。",),
        ("相关负责人表示，要把舆情应对作为应急处置的重要组成部分。",),
    ),
    weight=4,
)


def _dispute_scenario(topics: tuple[str, ...], weight: int) -> Scenario:
    """Online doubts about how an accident or disaster was handled, and the official reply."""
    return Scenario(
        "dispute_" + topics[-1], topics, lambda rng: _dispute(rng, topics),
        heads=(
            "网友质疑{loc}{event}{point} 官方回应",
            "{loc}{event}引发网络热议 {agency}回应",
            "{loc}回应网传{event}“{point}”问题",
            "{loc}{event}视频刷屏 {agency}发布情况通报",
            "{loc}{event}[登上热搜|引关注]，官方：正在调查",
        ),
        leads=(
            "{time}，{place}发生{event}后，有网友在{platform}质疑{point}问题，{city}{agency}{hours}小时后发布情况通报予以回应。",
            "关于{place}{event}的视频近日在{platform}刷屏，阅读量{reads}，不少网友对{point}提出疑问，当地{agency}已作出回应。",
            "针对网上关于{place}{event}“{point}”的质疑，{city}{agency}表示，将依法依规调查，结果及时向社会公布。",
        ),
        body=(
            ("事件发生后，相关话题迅速在网上发酵，评论区出现大量质疑声音。",
             "有网友发布现场视频，称[救援力量迟迟未到|实际伤亡人数比通报多|事发前已有人反映隐患]。"),
            ("{agency}在通报中详细说明了[接警出警时间|伤亡情况|处置经过]。",
             "{agency}表示，网传部分信息与事实不符，[请以官方发布为准|请勿轻信传播]。"),
            ("通报发布后，网上质疑声音有所减少，但仍有网友要求公布更多细节。",
             "部分网友认可官方回应速度，也有网友呼吁加强事前隐患排查。"),
            ("当地表示，将邀请媒体和公众代表参与监督，做到信息公开透明。",),
            ("{follow}",),
        ),
        weight=weight,
    )


OPINION_SCENARIOS = (
    RUMOUR, TAMPER, BUREAU, MONITOR,
    _dispute_scenario(("online_opinion", "fire"), 5),
    _dispute_scenario(("online_opinion", "hazardous_chemicals"), 4),
    _dispute_scenario(("online_opinion", "production_safety"), 6),
    _dispute_scenario(("online_opinion", "flood_drought"), 4),
    _dispute_scenario(("online_opinion", "relief_supplies"), 3),
)


def _ideology(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    s["place"] = s["city"] if s["city"].endswith(("州", "盟")) else s["city"] + "市"
    s.update(accounts=str(rng.randint(3, 80)), posts=str(rng.randint(20, 2000)),
             platform=rng.choice(PLATFORMS),
             harm=rng.choice(("歪曲党史", "抹黑英烈", "历史虚无主义", "借灾情散布政治谣言",
                              "恶意攻击社会主义制度", "借事故炒作抹黑政府")))
    return s


IDEOLOGY_SCENARIO = Scenario(
    "ideology", IDEOLOGY, _ideology,
    heads=(
        "{loc}网信部门依法处置{harm}有害信息",
        "{loc}应急管理局召开意识形态工作专题会议",
        "{loc}：{accounts}个账号因{harm}被依法处置",
        "{loc}开展网络意识形态安全专项检查",
        "警惕借灾情事故炒作 {loc}清理有害信息{posts}条",
    ),
    leads=(
        "{place}网信部门近日依法处置一批{harm}的有害信息，关闭违规账号{accounts}个，清理相关信息{posts}条。",
        "{day}，{bureau}党组召开意识形态工作专题会议，研究部署网络意识形态安全工作。",
        "近期，有个别境外账号借{place}[灾情|事故]炒作，散布政治谣言，当地网信部门已依法处置。",
        "{place}近日开展意识形态工作责任制落实情况检查，重点检查网络意识形态阵地管理。",
    ),
    body=(
        ("会议强调，要牢牢掌握意识形态工作领导权，守好网络阵地。",
         "经查，相关账号在{platform}发布{harm}内容，造成不良影响。"),
        ("对发现的有害信息，相关部门第一时间固定证据并依法处置。",),
        ("当地提醒广大网民自觉抵制{harm}等错误言论。",),
        ("各单位要落实意识形态工作责任制，加强对所属网站、公众号的管理。",),
        ("下一步，当地将持续开展网络生态治理。",),
    ),
    weight=10,
)
IDEOLOGY_DUTY = Scenario(
    "ideology_duty", IDEOLOGY, _ideology,
    heads=(
        "{loc}压实意识形态工作责任制",
        "{loc}开展意识形态领域风险隐患排查",
        "{loc}举办网络意识形态安全专题培训",
        "{loc}政务新媒体开展意识形态安全自查",
    ),
    leads=(
        "{day}，{place}召开意识形态工作联席会议，分析研判当前网络意识形态领域形势，部署下一阶段重点工作。",
        "{place}近日组织各单位对所属网站、公众号和视频号开展意识形态安全自查，共排查整改问题{accounts}个。",
        "为提升干部识别和抵制错误思潮的能力，{place}{day}举办网络意识形态安全专题培训，{posts}人参加。",
    ),
    body=(
        ("各单位主要负责人要切实履行意识形态工作第一责任人职责。",
         "自查重点包括信息发布审核、评论区管理和账号安全等方面。"),
        ("对发现的问题，相关单位已建立台账，限期整改到位。",
         "相关负责人表示，要增强识别和抵制网上错误思潮的能力。"),
        ("下一步，当地将把意识形态工作纳入年度考核，作为领导班子述职的重要内容。",),
        ("各单位要加强舆情研判，发现苗头性问题及时报告、及时处置。",),
        ("当地还建立了网络评论员队伍，及时开展正面引导。",),
    ),
    weight=8,
)
IDEOLOGY_SCENARIOS = (IDEOLOGY_SCENARIO, IDEOLOGY_DUTY)
