"""Petition and complaint stories (来信来访、举报投诉): hotline tickets, hazard reports, letters, visits."""

from random import Random

from classifiers.seedgen import vocab_events, vocab_numbers
from classifiers.seedgen.core import Scenario, Slots

PETITION = ("petition_complaint",)

# (labels, where, issue, short, agency, reply, why, safety-related)
ISSUES = (
    (("petition_complaint", "fire"), "{community}", "楼道里堆满杂物、消防通道被堵", "消防通道被堵",
     "消防救援支队", "已督促物业清理杂物", "一旦发生火灾后果不堪设想", True),
    (("petition_complaint", "fire"), "{community}", "有住户在楼道里给电动车充电", "楼道电动车充电",
     "消防救援支队", "已联合社区开展清理并张贴提示", "存在很大的火灾隐患", True),
    (("petition_complaint", "fire"), "{road}", "一家餐馆的后厨油烟管道长期不清洗",
     "油烟管道不清洗", "消防救援支队", "已责令商户限期清洗", "担心引发火灾", True),
    (("petition_complaint", "hazardous_chemicals"), "{village}", "一处民房违规储存大量液化气钢瓶",
     "违规储存液化气", "应急管理局", "已依法查扣钢瓶并立案调查", "存在安全隐患", True),
    (("petition_complaint", "hazardous_chemicals"), "{road}", "附近一家小作坊违规存放化工原料",
     "小作坊违规存放化工原料", "应急管理局", "已责令停止违法行为", "周边居民很担心", True),
    (("petition_complaint", "production_safety"), "{road}", "工地高空作业没有防护措施",
     "工地无安全防护", "住建局", "已责令施工单位停工整改", "存在安全隐患", True),
    (("petition_complaint", "production_safety"), "", "一家工厂让工人在没有防护的情况下进入污水池作业",
     "有限空间违规作业", "应急管理局", "已对企业立案查处", "工人生命安全得不到保障", True),
    (("petition_complaint", "production_safety"), "", "一家企业存在非法生产和安全隐患",
     "企业安全隐患", "应急管理局", "已组织执法检查", "希望尽快查处", True),
    (("petition_complaint", "flood_drought"), "{community}", "门口一下雨就积水，排水沟长期堵塞",
     "雨后积水", "水务局", "已安排疏通排水管网", "出行十分不便", False),
    (("petition_complaint", "flood_drought"), "{village}", "村旁的河堤有一段出现裂缝",
     "河堤裂缝", "水务局", "已组织专家现场查勘并加固", "担心汛期出险", False),
    (("petition_complaint", "relief_supplies"), "{village}", "救灾物资发放不公开、不公平",
     "救灾物资发放不公", "应急管理局", "已核查并公开发放名单", "群众意见很大", False),
    (("petition_complaint",), "", "企业拖欠工资", "拖欠工资", "人社局", "已责令企业限期支付",
     "生活陷入困难", False),
    (("petition_complaint",), "", "应急管理部门执法人员态度生硬", "执法态度", "应急管理局",
     "已约谈相关执法人员", "希望改进工作作风", False),
    (("petition_complaint",), "", "事故赔偿迟迟没有落实", "事故赔偿", "应急管理局",
     "已协调企业和家属达成协议", "家属生活困难", False),
    (("petition_complaint",), "", "办理安全生产许可证材料反复被退回", "许可办理难", "应急管理局",
     "已安排专人指导办理", "影响企业正常经营", False),
)


def _issue(rng: Random) -> Slots:
    s = vocab_events.base(rng)
    topics, where, issue, short, agency, reply, why, safety = rng.choice(ISSUES)
    channels = ["12345热线", "市民热线", "政务服务便民热线", "网络问政平台", "领导信箱", "信访窗口"]
    if safety:
        channels += ["12350安全生产举报热线", "12350热线"]
    city = s["city"] if s["city"].endswith(("州", "盟")) else s["city"] + "市"
    s.update(issue=issue, short=short, agency=agency, reply=reply, why=why,
             where=where.format(community=s["community"], village=s["village"], road=s["road"]),
             agency_full=city + agency, channel=rng.choice(channels),
             days=vocab_numbers.num(rng, rng.randint(2, 15)),
             count=str(rng.randint(30, 4000)), pct=str(rng.randint(90, 100)),
             reward=f"{rng.choice((500, 1000, 2000, 3000, 5000, 10000))}元",
             topics="|".join(topics))
    return s


def _issue_scenario(topics: tuple[str, ...], weight: int) -> Scenario:
    """Hotline and report stories whose issue belongs to the given labels."""
    def slots(rng: Random) -> Slots:
        s = _issue(rng)
        while s["topics"] != "|".join(topics):
            s = _issue(rng)
        return s

    return Scenario(
        "issue_" + "_".join(topics), topics, slots,
        heads=(
            "市民投诉{short} {agency}：{reply}",
            "{loc}居民反映{short}问题 [相关部门|{agency}]回应",
            "{loc}：通过{channel}投诉{short}，{days}天内得到处理",
            "热线追踪｜{loc}{short}问题[有回音|已处理]",
            "群众举报{short}，{loc}{agency}介入",
            "{loc}一居民投诉{short}",
        ),
        leads=(
            "近日，有市民通过{channel}反映{place}{where}{issue}，{agency_full}接到投诉后{reply}。",
            "{place}{witness}向{channel}投诉称，{where}{issue}，{why}，相关部门已受理。",
            "针对群众通过{channel}反映的“{where}{issue}”问题，{agency_full}{days}天内完成核查，{reply}。",
            "{day}，{place}有群众反映{where}{issue}，{agency}工作人员核实后，{reply}。",
        ),
        body=(
            ("投诉人称，[这个问题已经存在很久|之前反映过但一直没解决]，{why}。",
             "{witness}说，[希望相关部门能尽快处理|没想到这么快就有了回音]。"),
            ("{agency_full}工作人员随即开展核查，发现情况属实。",
             "接到工单后，相关部门{days}天内完成了核查。"),
            ("目前，{reply}，并将处理结果回复了投诉人。",
             "对核查属实的问题，相关部门依法依规作出处理。"),
            ("相关负责人表示，欢迎群众继续通过{channel}反映身边的问题。",
             "据了解，今年以来当地共受理此类投诉{count}件，办结率{pct}%。"),
            ("记者回访时，投诉人表示对处理结果[满意|基本满意]。",
             "当地表示，将举一反三，对同类问题开展排查。"),
        ),
        weight=weight,
    )


def _petition(rng: Random) -> Slots:
    s = _issue(rng)
    s.update(leader=rng.choice(("局长", "党组书记", "分管副局长", "区长", "主要负责人")),
             cases=str(rng.randint(12, 900)), visits=str(rng.randint(5, 60)))
    return s


LETTERS = Scenario(
    "letters_visits", PETITION, _petition,
    heads=(
        "{loc}应急管理局{leader}接访 现场解决{visits}个问题",
        "{loc}开展信访积案化解专项行动",
        "{loc}今年受理来信来访{cases}件",
        "{loc}领导接访日：群众反映{short}",
        "{loc}信访事项按期办结率达{pct}%",
    ),
    leads=(
        "{day}，{bureau}{leader}在信访接待室接待来访群众，现场协调解决{short}等问题{visits}个。",
        "今年以来，{place}共受理群众来信来访{cases}件，按期办结率达{pct}%，{short}等问题得到有效解决。",
        "{place}近日开展信访积案化解专项行动，对{cases}件信访事项逐一建立台账，实行领导包案。",
        "{day}，有群众到{place}信访窗口反映{issue}，工作人员登记后转交{agency}办理。",
    ),
    body=(
        ("来访群众主要反映了{short}、[安全生产隐患|事故赔偿|企业欠薪]等问题。",
         "接访中，{leader}认真听取群众诉求，能当场答复的当场答复。"),
        ("对不能当场解决的问题，明确责任科室和办理时限。",
         "所有信访事项均录入信息系统，办理过程全程留痕。"),
        ("当地还建立了信访事项回访制度，群众满意率达{pct}%。",),
        ("相关负责人表示，要把信访工作作为了解民情、解决民忧的重要渠道。",),
        ("下一步，将常态化开展领导干部接访下访活动。",),
    ),
    weight=12,
)

REPORTS = Scenario(
    "reports", ("petition_complaint", "production_safety"), _petition,
    heads=(
        "{loc}兑现安全生产举报奖励{reward}",
        "{loc}公布安全生产举报电话 鼓励群众举报隐患",
        "{loc}根据群众举报查处一非法生产窝点",
        "{loc}：举报安全生产重大隐患最高可奖励",
    ),
    leads=(
        "{bureau}近日对一名举报企业重大事故隐患的群众兑现奖励{reward}，举报线索经查属实。",
        "根据群众通过12350热线举报的线索，{bureau}{time}查处一处非法生产窝点。",
        "{place}近日发布安全生产举报奖励办法，群众举报重大事故隐患和违法行为，经查实可获奖励。",
    ),
    body=(
        ("据介绍，举报人反映该企业[违规动火作业|关闭安全监控|无证生产]，执法人员随即开展突击检查。",),
        ("经查，举报情况属实，企业已被依法责令停产整顿。",),
        ("举报人的个人信息将被严格保密。",),
        ("今年以来，当地共受理安全生产举报{cases}件，已全部核查办结。",),
        ("[应急管理部门|相关负责人]表示，欢迎社会各界积极举报身边的安全隐患。",),
    ),
    weight=8,
)

SCENARIOS = (
    _issue_scenario(("petition_complaint",), 14),
    _issue_scenario(("petition_complaint", "fire"), 8),
    _issue_scenario(("petition_complaint", "hazardous_chemicals"), 5),
    _issue_scenario(("petition_complaint", "production_safety"), 6),
    _issue_scenario(("petition_complaint", "flood_drought"), 4),
    _issue_scenario(("petition_complaint", "relief_supplies"), 3),
    LETTERS, REPORTS,
)
