"""Irrelevant wire sentences about law and security: arrests, trials, fines, regulators' talks and
reports on matters outside the bureau's work, armed attacks and military news, missing persons."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import wire, wire_slots

NONE: tuple[str, ...] = ()

CRIMES = ("诈骗", "非法集资", "贩卖毒品", "盗窃", "受贿", "贪污", "洗钱", "走私", "组织赌博",
          "非法经营", "侵犯公民个人信息", "寻衅滋事", "传销", "偷税漏税", "制售假药", "电信诈骗",
          "网络赌博", "职务侵占", "非法吸收公众存款", "敲诈勒索")
SENTENCES = ("有期徒刑{n}年", "有期徒刑{mid}个月", "无期徒刑", "死刑缓期两年执行", "有期徒刑{n}年六个月")
REGULATORS = ("市场监管总局", "国家网信办", "交通运输部", "市场监管部门", "证监会", "银保监局",
              "消费者协会", "工信部", "文旅部门", "网信部门", "人社部门", "生态环境部")
TALK_TOPICS = ("网约车平台司机资质审核不严", "外卖平台收费不透明", "个人信息保护措施不到位",
               "直播带货虚假宣传", "电商平台“二选一”", "在线旅游平台大数据杀熟", "共享单车乱停放",
               "快递企业末端网点违规收费", "教培机构违规收费", "景区门票价格过高",
               "App违规收集个人信息", "网络游戏防沉迷落实不到位", "某地空气质量持续恶化",
               "营销电话频繁扰民", "校外培训违规招生", "医美广告虚假宣传", "预付卡退费难",
               "长租公寓爆雷", "打车平台乘客投诉率高", "酒店预订平台价格欺诈")
REPORTED = ("偷税漏税", "学术造假", "违规操办婚宴", "收受红包", "虚假宣传", "违规占用耕地",
            "论文抄袭", "违规发放补贴", "公款吃喝", "违规经商", "骗取扶贫资金", "侵占集体资金",
            "考试作弊", "违章建筑", "噪音扰民", "违规开办培训班")
WEAPONS = ("枪手", "武装分子", "自杀式袭击者", "持刀男子", "一名男子")


def _justice(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(crime=rng.choice(CRIMES), sentence=rng.choice(SENTENCES).format(
        n=s["n"], mid=s["mid"]), fine=f"{s['mid']}万元",
        official=rng.choice(("原副市长", "原局长", "原县委书记", "原董事长", "某国企原总经理",
                             "原村支书", "原副厅长", "原院长")))
    return s


JUSTICE = wire(
    "wire_justice", NONE, _justice,
    heads=("{loc}警方打掉一个{crime}团伙", "{official}{name}涉嫌{crime}被提起公诉", "{name}{crime}案一审宣判",
           "{official}{name}获刑{sentence}", "{company}因{crime}被罚款{fine}", "{name}涉嫌{crime}被刑拘",
           "{country}前总统被捕", "{loc}{mid}名{crime}嫌疑人落网", "{name}{crime}案开庭", "{name}出狱",
           "{company}实控人涉嫌{crime}被立案", "{country}警方逮捕{n}名嫌疑人", "{name}被判{sentence}",
           "{loc}破获特大{crime}案 涉案{yi}亿元", "{name}案二审维持原判", "{name}因{crime}被通缉"),
    leads=(
        "{day}，{place}警方成功打掉一个{crime}犯罪团伙，抓获犯罪嫌疑人{mid}名，涉案金额{yi}亿元。",
        "{official}{name}涉嫌{crime}一案{day}在{city}受审，被告人当庭表示认罪。",
        "{day}，{city}市中级人民法院对{official}{name}{crime}案作出一审判决，判处其{sentence}。",
        "因涉嫌{crime}，{company}实际控制人{name}{day}被公安机关依法采取刑事强制措施。",
        "{fsrc}，{country}警方{ftime}以涉嫌{crime}为由逮捕了{n}名嫌疑人，案件仍在调查中。",
        "{company}因{crime}被当地市场监管部门罚款{fine}，并没收违法所得。",
        "{day}，{place}检察院以涉嫌{crime}罪对{name}等{n}人依法提起公诉。",
        "服刑期满的{name}{day}走出监狱，距离他当年因{crime}入狱已过去{mid}年。",
        "{day}，一名{crime}嫌疑人在{fcity}被抓获，随后被押解回国接受审判。",
    ),
    weight=28)


def _regulator(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(vice=rng.choice(("聚众赌博", "吸食毒品", "种植大麻", "组织卖淫", "非法行医")),
             shop=rng.choice(("酒吧", "烧烤店", "KTV", "健身房", "广场舞队", "装修队")),
             reg=rng.choice(REGULATORS), topic=rng.choice(TALK_TOPICS),
             reported=rng.choice(REPORTED),
             target=rng.choice(("一名村干部", "某镇副镇长", "一家培训机构", "某高校教授", "一家网店",
                                "一名网红", "某医院医生", "一位明星", "某开发商", "一家美容院")))
    return s


REGULATOR = wire(
    "wire_regulator", NONE, _regulator,
    heads=("{reg}约谈{company}", "因{topic}，{company}被约谈", "{reg}约谈多家平台企业", "网友实名举报{target}{reported}",
           "{target}被举报{reported} 官方回应", "{name}举报{target}{reported}", "{reg}就{topic}约谈相关企业",
           "{company}被约谈后发布整改措施", "{target}被曝{reported} 纪委介入",
           "{reg}通报{n}款违规App", "多名家长举报{target}{reported}", "群众举报{place}有人{vice} 警方出击",
           "{loc}城管拆除群众举报的违建", "居民举报{shop}噪音扰民", "网友举报某车主违法停车"),
    leads=(
        "针对{topic}等问题，{reg}{day}约谈{company}等{n}家企业，要求限期整改。",
        "{day}，{reg}就{topic}一事约谈了{company}相关负责人，责令其立即整改。",
        "{day}，网友发帖实名举报{place}{target}{reported}，当地纪委监委表示已介入调查。",
        "{role}{name}{day}发文称，网传其{reported}纯属捏造，将通过法律途径维权。",
        "有市民举报{target}{reported}，{place}有关部门{day}回应称已成立调查组进行核查。",
        "因{topic}，{company}{day}再次被主管部门约谈，这已是今年第{n}次。",
        "{day}，有群众举报{place}一小区内有人{vice}，警方接报后迅速出警，{n}名涉案人员被抓获。",
        "{day}，{city}城管部门根据市民反映，拆除了{place}一处违章建筑。",
        "有居民举报{place}一家{shop}夜间噪音扰民，{city}有关部门{day}上门调查后责令其整改。",
        "{day}，{city}交警在巡逻中发现一辆电动三轮车违规载人，依法对驾驶人进行了处罚。",
    ),
    weight=22)


def _attack(rng: Random) -> Slots:
    s = wire_slots(rng)
    d, i = rng.randint(1, 40), rng.randint(1, 90)
    s.update(attacker=rng.choice(WEAPONS), d=str(d), i=str(i),
             target=rng.choice(("一座清真寺", "一处检查站", "一所学校", "一家酒店", "一个集市",
                                "一座教堂", "一处军营", "一个警察局", "一处音乐节现场", "一个购物中心")),
             military=rng.choice(("对武装分子据点发动空袭", "举行大规模联合军演", "试射一枚弹道导弹",
                                  "击落一架无人机", "向边境增派部队", "与反政府武装交火")))
    return s


ATTACK = wire(
    "wire_attack", NONE, _attack,
    heads=("{country}{target}遭袭击 {d}人死亡", "{country}发生恐怖袭击", "{fcity}枪击事件致{d}死{i}伤",
           "{country}军方{military}", "{country}一{target}遭自杀式炸弹袭击", "{fcity}发生持刀袭击事件",
           "{country}{attacker}袭击{target}", "{country}谴责针对平民的袭击", "{fcity}遭空袭 {d}人死亡",
           "{country}边境交火{d}人死亡", "{country}反恐行动击毙{mid}名武装分子", "{fcity}汽车炸弹袭击致{d}死",
           "{fcity}{target}遭炸弹袭击", "{country}{target}遭炸弹袭击{d}死{i}伤", "{country}路边炸弹爆炸{d}名士兵身亡",
           "{country}称击落一架越境无人机", "{country}武装冲突致{d}人死亡", "{fcity}爆发激烈枪战 多人伤亡",
           "{country}部族冲突{d}死{i}伤", "{country}一监狱发生囚犯斗殴", "{fcity}爆炸袭击已致{d}人死亡", "{country}武装组织宣称对爆炸负责"),
    leads=(
        "{fsrc}，{ftime}，{country}{fcity}{target}遭到{attacker}袭击，造成{d}人死亡、{i}人受伤。",
        "{ftime}，{country}{fcity}一处{target}附近发生汽车炸弹袭击，已造成至少{d}人死亡。",
        "{fsrc}，{country}军方{ftime}{military}，当地局势再度紧张。",
        "{ftime}，{country}{fcity}一名{attacker}在街头持刀袭击路人，造成{i}人受伤，袭击者被警方击毙。",
        "{fsrc}，一名{attacker}{ftime}闯入{country}{fcity}{target}开枪扫射，造成{d}人死亡。",
        "外交部发言人表示，中方强烈谴责{ftime}在{country}发生的恐怖袭击事件，向遇难者表示哀悼。",
        "{fsrc}，{country}安全部队{ftime}在{fcity}附近与武装分子交火，打死{mid}名武装人员。",
        "{fsrc}，{country}{fcity}一处{target}{ftime}遭到炸弹袭击，一个武装组织随后宣称负责。",
        "{ftime}，{country}{fcity}一支军方车队遭路边炸弹袭击，{d}名士兵死亡、{i}人受伤。",
        "{fsrc}，一个极端组织{ftime}宣称对{country}{fcity}{target}的爆炸袭击负责。",
        "{ftime}，{country}军方称在边境地区击落一架越境无人机。",
        "{fsrc}，{country}{fcity}{ftime}两支地方武装爆发冲突，已造成{d}人死亡、{i}人受伤。",
        "{ftime}，{country}政府军与反对派武装在{fcity}附近发生激烈枪战，造成多人伤亡。",
        "{fsrc}，{country}{fcity}一座监狱内{ftime}发生囚犯斗殴，{i}人受伤，狱方已控制局面。",
        "{ftime}，{country}一支军方运输车队在{fcity}附近遭武装分子伏击。",
    ),
    weight=20)


def _missing(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(person=rng.choice(("一名女大学生", "一名初中生", "一名老人", "一名{age}岁男子",
                                "一名外卖小哥", "一名网约车司机", "一名留学生", "一名男童",
                                "一名孕妇", "一名游客", "一名企业高管")).format(age=s["age"]),
             found=rng.choice(("已被找到，身体无大碍", "已平安回家", "在外地被找到", "仍下落不明",
                               "被发现时已遇害", "在网吧被找到")))
    return s


MISSING = wire(
    "wire_missing", NONE, _missing,
    heads=("{loc}{person}失联{n}天", "失联{n}天的{person}{found}", "{person}在{country}失联 家属求助",
           "{loc}寻人：{person}离家出走", "{country}华人{person}失踪", "{loc}失联{person}{found}",
           "{company}高管失联 公司回应", "{person}失联前最后画面曝光"),
    leads=(
        "{day}，{place}{person}在离家后与家人失去联系，家属已向警方报案，目前警方正在调查。",
        "{day}，{place}警方通报，此前失联多日的{person}{found}。",
        "{fsrc}，一名中国籍{person}{ftime}在{country}{fcity}失联，我驻当地使馆已启动应急机制。",
        "{person}{day}留下一张字条后离家出走，家人四处寻找，并在网上发布寻人启事。",
    ),
    weight=12)

def _traffic_law(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(offence=rng.choice(("酒驾", "醉驾", "无证驾驶", "开车玩手机", "超速", "违停",
                                 "闯红灯", "不礼让行人", "遮挡号牌", "非法改装", "疲劳驾驶",
                                 "占用应急车道", "飙车")),
             penalty=rng.choice(("罚款{n}00元", "记{n}分", "被行政拘留{n}日", "被吊销驾驶证",
                                 "罚款{n}00元并记{n}分")).format(n=s["n"]),
             driver=rng.choice(("一名男子", "一名女司机", "一名网约车司机", "一名货车司机",
                                "一名外卖骑手", "一名少年", "一名豪车车主")))
    return s


TRAFFIC_LAW = wire(
    "wire_traffic_law", NONE, _traffic_law,
    heads=("{loc}{driver}{offence}被查", "{driver}{offence}被拍 {penalty}", "{loc}查处一起{offence}顶包案",
           "{loc}交警开展{offence}专项整治", "{driver}{offence}被网友举报", "{driver}{offence}被当场查获",
           "{loc}{mid}名{offence}司机被曝光", "{driver}因{offence}{penalty}"),
    leads=(
        "{day}，{place}交警在夜查中查获一名{offence}司机，涉事人员均被依法处理。",
        "{driver}{day}在{place}{road}{offence}，被路人拍下后举报，交警核查后对其{penalty}。",
        "{day}，{city}交警集中曝光了{mid}起{offence}违法行为，涉事驾驶人均被{penalty}。",
        "{driver}在{city}被交警查获{offence}，已被{penalty}。",
        "为整治{offence}等交通违法行为，{city}交警{day}起开展为期{n}个月的专项行动。",
    ),
    weight=10)

SCENARIOS = {"wjustice": (JUSTICE, TRAFFIC_LAW), "wregulator": (REGULATOR,), "wattack": (ATTACK,),
             "wmissing": (MISSING,)}
