"""Irrelevant news about education and science: exams, schools, research, satellite launches."""

from random import Random

from classifiers.seedgen import vocab_numbers
from classifiers.seedgen.core import Slots
from classifiers.seedgen.irrelevant_common import common, neg


def _school(rng: Random) -> Slots:
    s = common(rng)
    s.update(school=rng.choice(("实验小学", "第一中学", "外国语学校", "职业技术学院", "师范大学",
                                "理工大学", "第三中学", "科技学校", "幼儿园")),
             exam=rng.choice(("高考", "中考", "研究生考试", "成人高考", "学业水平考试")),
             students=vocab_numbers.rounded(rng, 2000, 600000), seats=str(rng.randint(1, 60) * 100))
    return s


EDUCATION = (
    neg("exam", _school,
        heads=("{loc}{year}年{exam}报名人数达{students}", "{exam}今日开考 {loc}设考场{n}个",
               "{loc}{exam}成绩{month}月{day}日起可查询", "{exam}首日{loc}考点秩序井然"),
        leads=("{time}，{year}年{exam}拉开帷幕，{place}共有{students}名考生参加考试，全市设置考点{n}个。",
               "记者从{city}教育考试院获悉，{year}年{exam}成绩将于{month}月{day}日公布，考生可通过官方网站查询。"),
        body=(("为保障考试顺利进行，公安、交通、供电等部门提前做好了服务保障。",),
              ("考点周边实行交通管制，不少家长在考场外等候，有的还穿上了寓意美好的旗袍。",),
              ("{city}教育部门提醒考生，提前熟悉考场，按时到达，避免携带违规物品。",),
              ("今年的{exam}在命题上更加注重考查学生的综合素养和实际应用能力。",),
              ("考试期间，多家爱心车队为考生提供免费送考服务。",),
              ("不少考生表示，题目难度适中，发挥比较正常。",)),
        weight=6),
    neg("school", _school,
        heads=("{loc}{school}新校区[开学|启用]", "{loc}新增学位{seats}个 缓解入学压力",
               "{loc}秋季开学：{students}名学生返校", "{loc}{school}开展[研学|劳动教育]活动"),
        leads=("{time}，{place}{school}新校区正式启用，可提供学位{seats}个，将有效缓解周边适龄儿童入学压力。",
               "秋季学期开学首日，{place}{students}名中小学生返校，各学校精心准备了开学第一课。",
               "{place}{school}近日组织学生走进农田和工厂，开展研学实践和劳动教育活动，学生们收获满满。"),
        body=(("新校区配备了图书馆、实验室和标准运动场，教学设施齐全。",),
              ("开学第一课上，老师们围绕[爱国主义|安全教育|理想信念]等主题与学生互动交流。",),
              ("{school}校长{name}表示，将努力为孩子们提供更优质的教育。",),
              ("家长{name2}说，孩子在家门口就能上好学校，心里很踏实。",),
              ("据介绍，今年当地计划新建、改扩建中小学{n}所。",),
              ("学校还开设了[编程|书法|足球]等特色课程，丰富学生的课余生活。",)),
        weight=6),
)


def _tech(rng: Random) -> Slots:
    s = common(rng)
    s.update(lab=rng.choice(("中国科学院某研究所", "一所高校科研团队", "国家重点实验室",
                             "某科技企业研发团队", "省农业科学院")),
             achievement=rng.choice(("新型固态电池", "高效钙钛矿太阳能电池", "耐盐碱水稻新品种",
                                     "量子通信新技术", "新一代超级计算机", "国产手术机器人",
                                     "新型可降解材料", "高精度北斗定位芯片", "人工智能气象大模型")),
             rocket=rng.choice(("长征二号丁", "长征四号乙", "长征七号", "长征六号", "快舟一号甲")),
             sat=rng.choice(("遥感卫星", "通信卫星", "气象卫星", "科学实验卫星", "导航卫星")))
    return s


SCITECH = (
    neg("research", _tech,
        heads=("{lab}研发{achievement}取得突破", "我国{achievement}[研制成功|通过验收]",
               "{loc}发布{achievement}", "科技前沿｜{achievement}有了新进展"),
        leads=("近日，{lab}成功研制出{achievement}，多项关键性能指标达到国际先进水平，相关成果发表在国际学术期刊上。",
               "{time}，{achievement}在{city}通过专家验收，标志着我国在该领域取得重要突破。"),
        body=(("研究团队负责人{name}介绍，团队历时{small}年攻关，突破了多项关键技术。",),
              ("专家认为，该成果具有广阔的应用前景，有望在[新能源|农业|医疗|通信]等领域推广。",),
              ("目前，相关技术已申请发明专利{n}项。",),
              ("下一步，团队将与企业合作，加快推动成果转化和产业化应用。",),
              ("该研究得到了国家自然科学基金等项目的支持。",),
              ("{name}说，科研就是要敢于啃“硬骨头”。",)),
        weight=6),
    neg("launch", _tech,
        heads=("{rocket}运载火箭成功发射{sat}", "我国成功发射{sat} 卫星顺利进入预定轨道",
               "{sat}发射成功 将用于[国土普查|防灾减灾|科学试验]"),
        leads=("{time}，我国在酒泉卫星发射中心使用{rocket}运载火箭，成功将{sat}发射升空，卫星顺利进入预定轨道。",
               "{rocket}运载火箭{time}点火升空，将一颗{sat}送入太空，发射任务获得圆满成功。"),
        body=(("该卫星主要用于[国土资源普查|农作物估产|城市规划|科学实验]等领域。",),
              ("这是{rocket}运载火箭的第{n}次飞行。",),
              ("火箭点火后拖着长长的尾焰直刺苍穹，现场观众纷纷举起手机记录这一时刻。",),
              ("据介绍，卫星入轨后将开展在轨测试，随后正式投入使用。",),
              ("今年以来，我国航天发射次数已超过{n}次。",),
              ("卫星和火箭分别由中国航天科技集团所属单位研制。",)),
        weight=4),
)


KINDS = {"education": EDUCATION, "scitech": SCITECH}
