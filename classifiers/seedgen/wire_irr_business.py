"""Irrelevant wire sentences: sports results, markets and deals, company people, products."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import wire, wire_slots

NONE: tuple[str, ...] = ()

EVENTS = ("澳网", "法网", "温网", "美网", "羽毛球全英赛", "乒乓球世锦赛", "钻石联赛", "网球大师赛",
          "斯诺克英锦赛", "马拉松", "F1大奖赛", "世界田联大奖赛", "羽毛球公开赛", "游泳世锦赛")
TEAM_EVENTS = ("世界杯", "亚洲杯", "欧冠", "亚冠", "中超联赛", "足协杯")
BASKET_EVENTS = ("NBA季后赛", "CBA联赛", "CBA季后赛", "NBA总决赛")
ROUNDS = ("首轮", "次轮", "16强", "8强", "半决赛", "决赛", "小组赛", "资格赛")
FOOTBALL = ("皇马", "巴萨", "曼联", "曼城", "利物浦", "切尔西", "阿森纳", "拜仁", "多特蒙德", "尤文",
            "国米", "AC米兰", "巴黎圣日耳曼", "广州队", "上海海港", "山东泰山", "北京国安", "浙江队",
            "成都蓉城", "武汉三镇", "长春亚泰", "天津津门虎")
BASKETBALL = ("湖人", "勇士", "凯尔特人", "火箭", "热火", "雄鹿", "辽宁男篮", "广东男篮", "新疆男篮",
              "深圳男篮", "浙江广厦", "上海男篮", "北京首钢", "山东高速")
BAN_REASONS = ("赛后冲突", "药检呈阳性", "辱骂裁判", "恶意犯规", "赛场暴力行为", "违反赛风赛纪")


def _sport(rng: Random) -> Slots:
    s = wire_slots(rng)
    football = rng.random() < 0.6
    clubs = rng.sample(FOOTBALL if football else BASKETBALL, 2)
    s.update(club=clubs[0], club2=clubs[1],
             score=rng.choice(("2比1", "3比0", "1比0", "4比2", "2比0", "3比1", "4比1", "2比2")
                              if football else ("108比99", "121比115", "97比88", "113比110")),
             event=rng.choice(EVENTS), tevent=rng.choice(TEAM_EVENTS if football else BASKET_EVENTS),
             iscore=rng.choice(("2比0", "3比1", "2比1", "3比2", "4比1", "3比0")),
             rnd=rng.choice(ROUNDS),
             reason=rng.choice(BAN_REASONS), games=str(rng.randint(2, 12)),
             injury=rng.choice(("膝伤", "脚踝伤势", "背伤", "肩伤", "腿筋拉伤", "伤病")),
             beat=rng.choice(("击败", "战胜", "力克", "险胜", "横扫", "逆转")),
             fee=rng.choice(("{n}000万欧元", "{mid}00万美元", "一份{n}年合同")).format(
                 n=s["n"], mid=s["mid"]))
    return s


SPORT = wire(
    "wire_sport", NONE, _sport,
    heads=("{club}{score}{beat}{club2}", "{event}：{name}{beat}对手晋级{rnd}", "{name}夺得{event}冠军",
           "{club}主场{score}取胜 豪取{n}连胜", "{name}因{injury}退出{event}", "{club}{score}不敌{club2}",
           "{name}因{reason}被禁赛{games}场", "官宣！{name}加盟{club}", "{club}主帅下课 {name}接任",
           "{tevent}{rnd}：{club}爆冷出局", "{name}{event}卫冕成功", "{club}签下{arole}{name}",
           "{name}打破赛会纪录夺金", "{club}客场{beat}{club2}", "{name}无缘{event}{rnd}",
           "{club}宣布与{name}续约{n}年", "{name}宣布退役", "{event}抽签结果出炉"),
    leads=(
        "{day}，{event}{rnd}在{fcity}展开角逐，{name}以{iscore}{beat}{name2}，顺利晋级下一轮。",
        "在{day}结束的一场焦点战中，{club}凭借下半场的出色发挥，以{score}{beat}{club2}。",
        "{arole}{name}{day}宣布，因{injury}未能痊愈，将退出本届{event}，专心养伤。",
        "因在比赛中{reason}，{name}被赛事组委会处以停赛{games}场并罚款的处罚。",
        "{club}{day}官方宣布，球员{name}以{fee}的价格正式加盟球队。",
        "{event}{day}落下帷幕，{name}在决赛中{beat}{name2}，职业生涯首次捧起冠军奖杯。",
        "由于连续{n}轮不胜，{club}{day}宣布与主教练解约，助理教练{name}将暂时代理主帅。",
        "{day}进行的{tevent}比赛中，{club}在落后的情况下完成逆转，以{score}{beat}{club2}。",
        "中国选手{name}{day}在{event}中{beat}世界排名第{n}的{name2}，创造个人最好成绩。",
        "{name}{day}在个人社交账号上宣布退役，结束了长达{mid}年的职业生涯。",
    ),
    weight=30)


def _market(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(round=rng.choice(("天使轮", "A轮", "B轮", "C轮", "D轮", "Pre-IPO轮", "战略")),
             board=rng.choice(("科创板", "创业板", "港交所", "纳斯达克", "纽交所", "北交所", "主板")),
             move=rng.choice(("大涨", "暴涨", "下跌", "暴跌", "跳水", "涨停", "跌停", "高开低走")),
             profit=rng.choice(("净利润同比增长", "营收同比增长", "净利润同比下滑", "亏损同比扩大")),
             rate=rng.choice(("降息25个基点", "加息25个基点", "维持利率不变", "下调存款准备金率")),
             bank=rng.choice(("美联储", "欧洲央行", "央行", "英国央行", "日本央行")),
             goods=rng.choice(("猪肉", "鸡蛋", "黄金", "原油", "铜", "机票", "大米", "白糖",
                               "咖啡豆", "碳酸锂", "棉花", "生猪", "二手房", "钢材")))
    return s


MARKET = wire(
    "wire_market", NONE, _market,
    heads=("{company}完成{yi}亿元{round}融资", "{company}登陆{board} 首日{move}{pct}%",
           "{company}股价{move}{pct}%", "{company}拟{yi}亿元收购{company2}", "{company}{profit}{pct}%",
           "{bank}宣布{rate}", "{goods}价格{move}", "{company}市值蒸发{yi}亿", "{company}递表{board}",
           "{company}回应股价异动", "{company}宣布出售旗下业务", "{company}入股{company2}",
           "{company}发布年报：{profit}{pct}%", "国内{goods}价格连续{n}周上涨", "{company}遭大股东减持"),
    leads=(
        "{company}{day}宣布完成{yi}亿元{round}融资，本轮由多家知名投资机构联合领投。",
        "{company}{day}正式在{board}挂牌上市，开盘后股价{move}{pct}%，总市值超过{mid}0亿元。",
        "{company}{day}发布公告称，拟以{yi}亿元现金收购{company2}{mid}%的股权。",
        "受业绩预期影响，{company}股价{day}盘中{move}{pct}%，成交额明显放大。",
        "{bank}{day}宣布{rate}，这是今年以来的第{n}次调整，市场反应相对平稳。",
        "{company}{day}披露的年报显示，公司去年{profit}{pct}%，拟每10股派发现金红利{n}元。",
        "最新数据显示，{goods}价格上周{move}，业内人士预计短期内仍将维持波动。",
        "据{fsrc}，{country}{company}{day}宣布将以约{yi}亿美元的价格被一家投资集团收购。",
        "{company}{day}晚间公告，公司控股股东计划在未来六个月内减持不超过{n}%的股份。",
    ),
    weight=30)


def _corp(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(post=rng.choice(("首席执行官", "董事长", "总裁", "首席财务官", "副总裁", "总经理",
                              "首席技术官", "联合创始人", "独立董事", "董事会秘书")),
             why=rng.choice(("个人原因", "工作调整", "家庭原因", "健康原因", "职业规划")),
             official=rng.choice(("局长", "副市长", "县委书记", "镇长", "校长", "院长", "主任",
                                  "副局长", "区长")),
             fault=rng.choice(("严重违纪违法", "不当言论", "违规收受礼金", "学术不端",
                               "公车私用", "违规招聘")),
             item_old=rng.choice(("燃油车", "功能手机", "传统电视", "胶片相机", "低端机型")),
             cut=rng.choice(("裁员{pct}%", "裁员约{mid}00人", "关闭{n}家门店", "退出中国市场",
                             "退出手机业务")).format(pct=s["pct"], mid=s["mid"], n=s["n"]))
    return s


CORP = wire(
    "wire_corp", NONE, _corp,
    heads=("{company}{post}{name}辞职", "{company}宣布{cut}", "{name}出任{company}{post}",
           "{company}{post}因{why}离职", "{company}解雇{post}{name}", "{loc}一{official}被停职调查",
           "{name}卸任{company}{post}", "{company}高层变动：{name}接棒", "{loc}{official}因{fault}被免职",
           "{company}计划{cut}", "{name}被任命为{company}{post}", "{company}{post}{name}退休",
           "芯片短缺 {company}工厂临时停产", "{company}停产{item_old}转型新能源", "订单不足 {company}宣布停工放假"),
    leads=(
        "{company}{day}发布公告，公司{post}{name}因{why}申请辞去相关职务，董事会已同意其辞呈。",
        "{company}{day}宣布{cut}，公司表示这是业务调整的一部分。",
        "{company}{day}宣布任命{name}为公司新任{post}，接替即将退休的{name2}。",
        "因涉嫌{fault}，{place}一名{official}{day}被停职，接受组织调查。",
        "{fsrc}，{country}{company}{day}宣布解雇{post}{name}，原因是其违反了公司行为准则。",
        "{name}{day}在内部信中宣布卸任{company}{post}，将继续担任董事会成员。",
        "{day}，{place}通报称，该地一名{official}因{fault}被免职，相关问题正在进一步调查中。",
        "受零部件供应短缺影响，{company}位于{city}的工厂{day}起临时停产{n}周。",
        "由于订单大幅减少，{company}{day}宣布部分生产线停工，员工轮流放假。",
        "{company}{day}宣布停产旗下{item_old}，相关产能将转向新能源产品。",
    ),
    weight=25)


def _product(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(item=rng.choice(("新款手机", "折叠屏手机", "电动SUV", "智能手表", "笔记本电脑",
                              "无线耳机", "新能源轿车", "平板电脑", "扫地机器人", "新款跑鞋",
                              "智能音箱", "游戏主机", "大模型", "操作系统")),
             defect=rng.choice(("安全气囊存在缺陷", "刹车系统存在隐患", "软件故障", "座椅安装不牢",
                                "标签信息错误", "后视镜可能脱落", "雨刮器故障", "儿童锁失效",
                                "仪表显示异常", "转向系统异常")),
             app=rng.choice(("一款热门社交软件", "多款违规APP", "一款短视频应用", "一款手游",
                             "数款理财软件", "一款学习类APP")),
             units=str(rng.randint(200, 99000)), price=str(rng.randint(9, 60) * 100 - 1))
    return s


PRODUCT = wire(
    "wire_product", NONE, _product,
    heads=("{company}发布{item} 售价{price}元起", "{company}召回{units}辆汽车", "{app}被下架",
           "{company}{item}正式开售", "{brand}因{defect}召回部分车型", "{company}新品发布会定档",
           "{company}{item}首销告罄", "{company}宣布{item}降价", "{company}{item}停产",
           "{company}推出全新{item}", "{app}下架整改"),
    leads=(
        "{company}{day}召开新品发布会，正式推出{item}，起售价{price}元，将于下周开售。",
        "因{defect}，{brand}{day}宣布召回{units}辆汽车，车主可免费到4S店进行检修。",
        "{day}，{app}因违规收集个人信息被应用商店下架，相关企业表示正在整改。",
        "{company}{day}宣布旗下{item}全系降价，最高降幅超过{mid}%。",
        "据市场监管总局消息，{company}将召回部分{item}，原因是{defect}。",
        "{company}{day}发布的{item}首批产品在开售后几分钟内售罄。",
    ),
    weight=20)

SCENARIOS = {"wsports": (SPORT,), "wmarkets": (MARKET,), "wcorp": (CORP,), "wproducts": (PRODUCT,)}
