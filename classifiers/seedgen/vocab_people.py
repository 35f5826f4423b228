"""People vocabulary: surnames, anonymous persons as news names them, invented full names."""

from random import Random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许邓冯韩曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐梅莫庄辛管祝左涂谷时甄"


def person(rng: Random) -> str:
    """An anonymous person as news names them: 王先生, 李女士, 张某."""
    return rng.choice(SURNAMES) + rng.choice(("先生", "女士", "师傅", "某", "大爷", "阿姨"))


# Uncommon given-name characters, so invented names are unlikely to be a real public figure's.
_GIVEN = "砚岫澈筠珩璟翊樾蘅芷洵禾溪棠霁岚枞栩鹭菀芃湛峤琮瑀澄溆"


def full_name(rng: Random) -> str:
    """An invented two- or three-character personal name (for sports and entertainment items)."""
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.8 else "")
    return rng.choice(SURNAMES) + given
