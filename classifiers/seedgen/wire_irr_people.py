"""Irrelevant wire sentences about people: films and shows, private life, deaths from illness and
old age, homicides and suicides (crime is public security, not the bureau's work)."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import wire, wire_slots

NONE: tuple[str, ...] = ()

FILM_TITLES = ("《长河落日》", "《山海之间》", "《逆光者》", "《星辰大海》", "《归途如虹》",
               "《孤城往事》", "《少年白马》", "《云端之上》", "《南方来信》", "《破晓时分》",
               "《烈日追光》", "《深海迷踪》", "《风起长安》", "《春日来信》", "《第七个夏天》",
               "《小城故事多》", "《无声的告白》", "《追风的孩子》")
AWARDS = ("金鸡奖", "百花奖", "金像奖", "金马奖", "戛纳电影节", "奥斯卡", "格莱美", "金曲奖",
          "白玉兰奖", "柏林电影节", "威尼斯电影节")
ILLNESS = ("因病", "因病医治无效", "因突发心脏病", "因癌症", "因病抢救无效", "在睡梦中")
MOTIVES = ("感情纠纷", "经济纠纷", "邻里矛盾", "家庭矛盾", "琐事", "债务纠纷")
WEAPONS = ("持刀", "持铁锤", "持斧头", "持枪", "持械")


def _show(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(film=rng.choice(FILM_TITLES), award=rng.choice(AWARDS),
             kind=rng.choice(("电影", "电视剧", "网剧", "综艺", "纪录片", "动画电影", "舞台剧")),
             show=rng.choice(("演唱会", "巡回演唱会", "粉丝见面会", "新专辑发布会", "音乐节")))
    return s


SHOW = wire(
    "wire_show", NONE, _show,
    heads=("{kind}{film}定档{month}月{dd}日", "{film}票房破{yi}亿", "{name}凭{film}获{award}最佳男主角",
           "{film}发布终极预告", "{name}{show}门票秒空", "{film}首映礼在{fcity}举行", "{film}宣布撤档",
           "{name}新歌上线", "{film}杀青 {name}{name2}主演", "{award}提名名单揭晓", "{film}豆瓣开分{n}.{n}",
           "{name}加盟{kind}{film}", "{film}上映{n}天票房领跑", "{name}宣布退出综艺录制"),
    leads=(
        "由{name}执导、{name2}主演的{kind}{film}{day}宣布定档{month}月{dd}日，并发布了定档海报。",
        "{kind}{film}上映{n}天，累计票房已突破{yi}亿元，暂列同档期第一。",
        "第{mid}届{award}颁奖典礼{day}在{fcity}举行，{name}凭借{film}获得最佳女主角。",
        "{role}{name}{day}宣布将于{month}月在{city}举办{show}，门票开售后迅速售罄。",
        "{day}，{kind}{film}在{city}举行首映礼，主演{name}和{name2}悉数亮相。",
        "因档期调整，原定{month}月上映的{kind}{film}{day}宣布撤档，新档期另行通知。",
    ),
    weight=22)


def _life(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(event=rng.choice(("结婚", "离婚", "分手", "订婚", "举行婚礼", "官宣恋情",
                               "宣布怀孕", "喜得千金", "喜得贵子", "被曝出轨")),
             thanks=rng.choice(("感谢", "点赞", "致歉", "回应", "探班", "祝福")))
    return s


LIFE = wire(
    "wire_life", NONE, _life,
    heads=("{role}{name}宣布{event}", "{name}与{name2}{event}", "{name}被曝出轨 工作室回应",
           "{name}{fcity}举行婚礼", "{name}晒孕照宣布怀孕", "{name}发文向粉丝道歉", "{name}为{name2}点赞",
           "{name}现身片场探班{name2}", "{name}回应离婚传闻", "{name}宣布喜得贵子", "{name}求婚成功",
           "{name}工作室发声明致歉", "{name}发长文感谢{name2}", "{name}与{name2}被拍到同游{fcity}"),
    leads=(
        "{role}{name}{day}在社交平台发文，宣布与相恋{n}年的{name2}{event}，引发网友热议。",
        "{day}，{role}{name}与{name2}在{fcity}举行婚礼，众多圈内好友到场送上祝福。",
        "针对网上流传的离婚传闻，{name}工作室{day}发表声明称消息不实，将追究造谣者的法律责任。",
        "{role}{name}{day}通过工作室发文向公众道歉，称自己在节目中的言行欠妥。",
        "{day}，{name}发文感谢{name2}在拍摄期间的照顾，两人多年的友谊令网友感动。",
        "{name}{day}晒出与家人的合影，宣布自己已于上月喜得贵子，母子平安。",
        "{country}{role}{name}{ftime}宣布与丈夫{name2}结束{n}年婚姻，两人将共同抚养孩子。",
    ),
    weight=20)


def _death(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(illness=rng.choice(ILLNESS),
             who_role=rng.choice(("著名表演艺术家", "知名作家", "老一辈科学家", "前国脚",
                                  "知名企业家", "资深主持人", "著名画家", "京剧名家", "前总统",
                                  "知名学者", "奥运冠军", "前首相", "知名导演", "歌手")),
             age=str(rng.randint(58, 99)))
    return s


DEATH = wire(
    "wire_death", NONE, _death,
    heads=("{who_role}{name}逝世 享年{age}岁", "{who_role}{name}{illness}去世", "{country}{who_role}去世",
           "痛别！{who_role}{name}病逝", "{name}追悼会在{city}举行", "{name}家属发讣告",
           "{country}{who_role}{name}病逝", "{company}创始人{name}去世", "{name}因病离世 年仅{mid}岁",
           "送别{who_role}{name}", "{country}前{who_role}去世 多国领导人致哀"),
    leads=(
        "{who_role}{name}{illness}于{day}在{city}逝世，享年{age}岁。",
        "据家属消息，{who_role}{name}{day}{illness}去世，享年{age}岁，其代表作深受几代观众喜爱。",
        "{fsrc}，{country}{who_role}{name}{ftime}{illness}在家中去世，享年{age}岁。",
        "{company}{day}发布讣告，公司创始人{name}先生{illness}逝世，享年{age}岁。",
        "{who_role}{name}的遗体告别仪式{day}在{city}举行，生前好友和各界人士前往送别。",
        "{role}{name}{illness}于{day}离世，年仅{mid}岁，消息传出后粉丝纷纷留言悼念。",
    ),
    weight=20)


def _homicide(rng: Random) -> Slots:
    s = wire_slots(rng)
    d, i = rng.randint(1, 6), rng.randint(1, 20)
    s.update(motive=rng.choice(MOTIVES), weapon=rng.choice(WEAPONS), d=str(d), i=str(i),
             victims=rng.choice((f"{d}人死亡", f"{d}人死亡、{i}人受伤", f"{d}死{i}伤", f"{i}人受伤",
                                 f"{d}人遇害")),
             suspect=rng.choice(("犯罪嫌疑人", "嫌犯", "行凶男子", "凶手", "嫌疑人")))
    return s


HOMICIDE = wire(
    "wire_homicide", NONE, _homicide,
    heads=("{loc}发生一起命案 {victims}", "{loc}男子{weapon}行凶致{victims}", "{country}{fcity}发生持刀伤人案",
           "{loc}命案告破 {suspect}落网", "{fcity}枪击案致{victims}", "{country}一男子杀害{d}名家人",
           "{loc}一女子遇害 警方悬赏通缉{suspect}", "{loc}一男子因{motive}杀人被刑拘",
           "{loc}{suspect}作案后自杀身亡", "{country}连环杀人案{suspect}被捕", "{loc}发现一具男尸 警方介入",
           "{loc}男子杀妻后潜逃被抓获", "{country}校园持刀伤人事件{victims}"),
    leads=(
        "{time}，{place}发生一起刑事案件，{victims}，{suspect}已被警方抓获，案件正在进一步侦办中。",
        "{hsrc}，{time}，{place}一男子因{motive}{weapon}行凶，致{victims}，{suspect}作案后自杀身亡。",
        "{fsrc}，{country}{fcity}{ftime}发生一起{weapon}伤人事件，造成{victims}，{suspect}当场被捕。",
        "{time}，{place}发生一起命案，{victims}，警方正在全力追捕{suspect}。",
        "{day}，{place}警方通报称，{suspect}因{motive}将他人杀害，目前已被依法刑事拘留。",
        "{fsrc}，{country}警方{ftime}在{fcity}一处民宅内发现{d}具尸体，初步判断系他杀。",
        "{time}，{place}一名男子因{motive}{weapon}砍伤{i}名邻居，随后被闻讯赶来的民警制服。",
        "{fsrc}，{country}{fcity}一名男子{ftime}在公寓内枪杀{d}名家人后自杀，动机仍在调查中。",
        "{day}，{place}一名独居老人被发现死于家中，警方已介入调查，初步排除刑事案件。",
        "{time}，{place}一男子因{motive}{weapon}伤人，致{n}人受伤，已被警方控制。",
        "{day}，{place}几名男子因{motive}与他人发生斗殴，{n}人受伤，涉事人员已被警方带走。",
    ),
    weight=24)

def _tragedy(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(person=rng.choice(("一名初中生", "一名男子", "一名女子", "一名大学生", "一名老人",
                                "一名程序员", "一名高三学生", "一名年轻妈妈", "一名健身教练")),
             how=rng.choice(("饮用劣质酒后中毒身亡", "在健身房运动时猝死", "在家中猝死", "整形手术中死亡", "手术后不治身亡",
                             "在家中意外坠楼身亡", "连续加班后猝死",
                             "在网吧猝死", "服药后身亡", "在诊所输液后死亡",
                             "突发疾病晕倒，经抢救无效死亡")),
             after=rng.choice(("家属质疑医院存在过错", "警方已排除刑事案件", "家属与院方协商赔偿",
                               "涉事诊所已被查封", "校方回应称已成立工作组", "公司称将承担人道主义责任")))
    return s


TRAGEDY = wire(
    "wire_tragedy", NONE, _tragedy,
    heads=("{loc}{person}{how}", "{person}{how} {after}", "{loc}一{person}坠楼身亡 警方排除他杀",
           "{loc}一美容机构顾客术后死亡 机构被查封", "{country}多人饮用劣质酒后中毒 {n}人不治",
           "{loc}男子持棍打砸4S店被刑拘", "{person}{how}引发热议", "{loc}医疗纠纷：{person}术后死亡"),
    leads=(
        "{day}，{place}{person}{how}，{after}。",
        "据家属介绍，{person}{day}{how}，目前{after}。",
        "{day}，{place}一小区内{person}{how}，{after}，事件引发网友关注。",
        "{country}{person}{ftime}{how}，当地媒体称这已是今年第{n}起类似事件。",
    ),
    weight=10)

SCENARIOS = {"wshowbiz": (SHOW,), "wlife": (LIFE,), "wdeath": (DEATH, HOMICIDE, TRAGEDY)}
