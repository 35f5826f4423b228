"""Wire-style accident sentences (production_safety, hazardous_chemicals): crashes on roads, in the
air and at sea, collapses, workplace accidents and explosions, at home and abroad."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import dead_injured, wire, wire_slots

SAFETY = ("production_safety",)
CHEM = ("hazardous_chemicals",)

VEHICLES = ("小轿车", "大货车", "重型半挂车", "旅游大巴", "公交车", "面包车", "电动自行车",
            "摩托车", "渣土车", "水泥罐车", "越野车", "网约车", "出租车", "三轮车", "SUV",
            "长途客车", "皮卡车", "救护车", "共享汽车", "冷链运输车", "农用车", "拖拉机")
CAUSES = ("操作不当", "疲劳驾驶", "超速行驶", "酒后驾驶", "避让不及", "刹车失灵", "路面湿滑",
          "占道行驶", "闯红灯", "未保持安全车距", "转弯时未减速", "车辆爆胎", "无证驾驶",
          "醉酒驾驶", "注意力不集中")
OUTCOMES = ("冲出护栏", "坠入河中", "侧翻", "翻下山崖", "撞上护栏", "冲进路边商铺", "坠桥",
            "冲上人行道", "撞上隔离带", "翻入路边沟渠", "与对向车辆正面相撞", "撞向路边行人",
            "冲入候车亭", "撞断路灯杆", "冲下路基", "翻滚数圈")
AIRCRAFT = ("一架小型飞机", "一架直升机", "一架军用运输机", "一架战斗机", "一架教练机",
            "一架客机", "一架水上飞机", "一架观光直升机", "一架私人飞机", "一架轻型运动飞机",
            "一架医疗救援直升机", "一架农用飞机")
AIR_FATES = ("机上人员全部遇难", "飞行员弹射逃生", "飞行员跳伞后获救", "机上{n_cn}人全部遇难",
             "机上{n_cn}人死亡", "飞行员不幸身亡", "机上人员伤亡情况不明", "机上{mid}人中有{n}人生还")
BUILDINGS = ("一栋居民楼", "一栋在建楼房", "一座老旧公寓楼", "一座商场", "一处厂房",
             "一栋自建房", "一座人行天桥", "一座大桥", "一座公路桥", "一段围墙", "一处隧道",
             "一座体育馆的屋顶", "一座教学楼的走廊", "一座在建高架桥", "一栋危房", "一处地下通道",
             "一座酒店", "一处古建筑", "一段城墙", "一座矿山的尾矿库")
SHIPS = ("一艘渡轮", "一艘客船", "一艘渔船", "一艘快艇", "一艘货轮", "一艘游船", "一艘观光船",
         "一艘运沙船", "一艘木船", "一艘载有乘客的小船")
WORK_ACCIDENTS = (
    ("高处坠落事故", "工人从高处坠落"), ("触电事故", "工人在作业时触电"),
    ("中毒窒息事故", "工人在清理污水池时中毒窒息"), ("机械伤害事故", "工人被卷入机器"),
    ("塔吊倒塌事故", "一台塔吊突然倒塌"), ("脚手架坍塌事故", "施工脚手架突然坍塌"),
    ("透水事故", "一处矿井发生透水"), ("冒顶事故", "井下发生冒顶"),
    ("电梯坠落事故", "一部施工电梯从高处坠落"), ("沟槽坍塌事故", "管道沟槽突然塌方"),
    ("起重伤害事故", "吊装的钢构件突然坠落"), ("物体打击事故", "高处物料坠落砸中工人"),
)
BLAST_SITES = (
    ("一家化工厂", CHEM), ("一处化工园区", CHEM), ("一家餐馆", CHEM), ("一栋居民楼", CHEM),
    ("一家烟花爆竹厂", CHEM), ("一座加油站", CHEM), ("一处燃气管道", CHEM), ("一家炼油厂", CHEM),
    ("一处液化气站", CHEM), ("一家烧烤店", CHEM), ("一个油库", CHEM), ("一家农药厂", CHEM),
    ("一处煤矿", SAFETY), ("一家钢铁厂", SAFETY), ("一家工厂的锅炉房", SAFETY),
    ("一处采石场", SAFETY), ("一家粉尘车间", SAFETY), ("一家制药厂", CHEM),
)
BLAST_CAUSES = ("燃气泄漏", "液化气罐", "化学品储罐", "锅炉", "管道", "天然气", "粉尘", "瓦斯",
                "储油罐", "反应釜")


def _road(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=6, injured_max=20))
    v1, v2 = rng.sample(VEHICLES, 2)
    s.update(v1=v1, v2=v2, cause=rng.choice(CAUSES), outcome=rng.choice(OUTCOMES),
             km=str(rng.randint(12, 2300)), tourists=rng.choice(("中国游客", "游客", "乘客",
                                                                 "学生", "朝圣者", "工人")))
    return s


ROAD = wire(
    "wire_road", SAFETY, _road,
    heads=("{loc}一辆{v1}{outcome} {cash}", "{loc}{v1}与{v2}相撞{cash}", "突发！{loc}发生车祸 {cash}",
           "{v1}失控{outcome}，{cash}", "{highway}多车相撞 {cash}", "{country}发生严重车祸{cash}",
           "{country}一辆大巴{outcome} {cash}", "{fcity}一辆{v1}撞上{v2}",
           "{country}两列火车相撞{cash}", "{country}一列火车脱轨 {cash}", "{v1}撞倒路人后逃逸",
           "男子{cause}撞死路人被刑拘", "{loc}{v1}撞上护栏起火", "{v1}侧翻压扁{v2}，{cash}",
           "{loc}车祸：{v1}与{v2}碰撞", "{city}交警通报一起致人死亡交通事故", "一辆校车{outcome}",
           "{loc}一{v1}坠入水库 {cash}", "{v1}追尾{v2}，司机被困"),
    leads=(
        "{hsrc}，{time}，{place}{road}一辆{v1}与一辆{v2}相撞，事故{cas}。",
        "{agency}发布警情通报，{time}，一男子驾驶{v1}行驶至{road}时，因{cause}，导致车辆失控{outcome}，{cas}。",
        "{time}，{highway}{km}公里处一辆{v1}因{cause}{outcome}，事故{cas}，目前事故原因正在调查中。",
        "{fsrc}，{ftime}，{country}{fcity}一辆载有{mid}名{tourists}的{v1}发生严重车祸，{cas}。",
        "{fsrc}，{country}{fcity}{ftime}发生一起{v1}与{v2}相撞的交通事故，{cas}。",
        "{ftime}，{country}{fcity}附近两列火车相撞，事故{cas}，当地铁路交通一度中断。",
        "{ftime}，{country}一列载有数百名乘客的火车在{fcity}附近脱轨，{cas}。",
        "{time}，一名驾驶{v1}的司机在{place}{road}与过马路的行人发生碰撞，{cas}。",
        "{time}，{place}{road}路口一辆{v1}与一辆{v2}发生碰撞，{cas}，涉事司机已配合调查。",
        "{country}知名{role}{name}{ftime}在{fcity}遭遇车祸，不幸身亡，年仅{age}岁。",
        "{time}，{place}一辆{v1}在下坡路段刹车失灵，连续撞上{n}辆{v2}，{cas}。",
        "{city}交警通报，{time}一辆{v1}{outcome}，造成{n}人受伤，涉事司机涉嫌{cause}已被控制。",
        "{time}，{place}{village}附近一辆{v1}侧翻后起火，驾驶员被困车内，经抢救无效死亡。",
        "一辆{v1}{time}在{highway}上与前方{v2}追尾，{cas}，交警提醒雨天行车注意保持车距。",
        "{time}，一名男子醉酒驾驶{v1}在{place}{road}连撞多辆车后逃逸，{cas}，肇事者随后被抓获。",
        "{fsrc}，{country}{fcity}{ftime}一辆{v1}失控冲入人群，{cas}，警方初步排除恐袭可能。",
    ),
    weight=30)


def _street(rng: Random) -> Slots:
    s = _road(rng)
    s.update(victim=rng.choice(("一名男童", "一名老人", "两名女子", "一名小学生", "一名外卖骑手",
                                "一名环卫工人", "一对母子", "一名骑车男子", "多名行人", "一名孕妇",
                                "一名初中生", "一名老太太")),
             spot=rng.choice(("斑马线上", "路口", "人行道上", "小区门口", "学校门口", "菜市场附近",
                              "公交站旁", "高速公路上", "停车场内")),
             driver=rng.choice(("一名女司机", "一名男子", "肇事司机", "一名新手司机", "货车司机",
                                "一名醉酒男子", "一名无证驾驶的少年", "叉车司机", "挖掘机司机")))
    return s


STREET = wire(
    "wire_street", SAFETY, _street,
    heads=("{victim}{spot}被撞身亡", "{driver}开车连撞{n}人", "{victim}横穿马路被撞飞", "{loc}{driver}撞人后逃逸",
           "{victim}遭{v1}碾压身亡", "{loc}{v1}撞伤{n}名行人 警方通报", "{driver}醉驾撞死人被刑拘",
           "{victim}{spot}被{v1}撞倒", "{loc}肇事逃逸致{victim}死亡", "痛心！{victim}{spot}被撞",
           "{driver}肇事后弃车逃逸", "{v1}倒车撞倒{victim}", "{loc}{v1}失控连撞{n}车",
           "{role}{name}家人遭遇车祸 工作室发文",
           "{country}发生旅游大巴事故 有中国公民受伤", "{loc}一{v1}爆胎撞上{v2}", "{v1}闯红灯撞死{victim}",
           "{loc}事故责任认定：{v1}司机负全责"),
    leads=(
        "{time}，{place}{road}{spot}，{victim}被一辆疾驰而来的{v1}撞倒，当场身亡，{driver}已被警方控制。",
        "{time}，{driver}驾驶{v1}在{place}{road}连续撞倒{n}名行人，{cas}，警方已发布通报。",
        "{time}，一名行人在{highway}上违规穿行，被过往车辆撞倒后不治身亡。",
        "{city}警方通报，{time}{driver}驾驶{v1}撞倒{victim}后驾车逃离现场，{n}小时后被抓获。",
        "{time}，{place}一名{v1}驾驶员在倒车时未注意后方，将{victim}碾压致死。",
        "一段视频显示，{driver}驾驶{v1}在{spot}突然加速，将{victim}撞飞数米远，伤者已送医。",
        "{time}，{driver}驾驶{v1}在{place}{road}撞上路边护栏，驾驶员受伤被送往医院。",
        "{city}交警对{time}发生的{v1}与{v2}碰撞事故作出责任认定，{v1}司机因{cause}负事故全部责任。",
        "{fsrc}，一辆载有{mid}名中国游客的大巴{ftime}在{country}{outcome}，我驻当地使馆已派员赶赴现场。",
        "{time}，一辆{v1}在{highway}上突然爆胎，失控后撞上前方{v2}，{cas}。",
    ),
    weight=18)


def _air(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(aircraft=rng.choice(AIRCRAFT), fate=rng.choice(AIR_FATES).format(
        n_cn=s["n_cn"], mid=s["mid"], n=s["n"]),
        where=rng.choice(("起飞后不久", "降落时", "在训练飞行中", "在山区", "在海上", "在居民区附近",
                          "在机场附近", "在执行任务途中")),
        plane=rng.choice(("客机", "战机", "直升机", "运输机", "小飞机")))
    return s


AIR = wire(
    "wire_air", SAFETY, _air,
    heads=("{country}{aircraft}坠毁 {fate}", "{country}一{plane}坠毁", "{country}空军一架战机坠毁",
           "{fcity}一架小飞机坠入居民区", "{country}坠机事故遇难者名单公布", "失事{plane}黑匣子已找到",
           "{country}{plane}失事原因公布", "{country}一架直升机坠海 {fate}",
           "{country}一周内第二起军机事故", "{country}一客机冲出跑道", "{fcity}一架飞机迫降起火",
           "{country}军机训练中坠毁 飞行员弹射逃生", "坠机现场曝光：{plane}残骸散落一地",
           "{country}公布{plane}坠毁原因", "坠毁{plane}残骸在海底找到", "{country}一架私人飞机坠海",
           "{fcity}机场一{plane}着陆时起火"),
    leads=(
        "{fsrc}，{ftime}，{country}{aircraft}{where}在{fcity}附近坠毁，{fate}。",
        "{fsrc}，{country}空军{aircraft}{ftime}{where}坠毁，{fate}，事故原因正在调查。",
        "{ftime}，{country}{aircraft}在{fcity}坠毁，{fate}，当地已派出搜救队伍赶往现场。",
        "{country}官方调查机构公布了{year}年客机失事事故的调查报告，认为设计缺陷和机组失误是主要原因。",
        "{fsrc}，此前失事的{plane}黑匣子已在{fcity}附近被找到，将被送往专业机构解读。",
        "{ftime}，一架从{fcity}起飞的客机在降落时冲出跑道并起火，机上乘客紧急疏散，{n}人受伤。",
        "{fsrc}，{country}一名{role}{ftime}乘坐私人飞机前往{fcity}途中坠机身亡，年仅{age}岁。",
        "{time}，{place}一架{plane}在训练飞行中坠毁，飞行员跳伞后被救起，地面无人员伤亡。",
        "{ftime}，{country}{fcity}一架观光直升机坠入海中，机上{n}人中已有{n_cn}人被确认遇难。",
        "{country}国防部{ftime}公布了此前{plane}坠毁事故的调查结果，认定机械故障是主要原因。",
        "{fsrc}，{country}航空管理部门初步调查认为，{fcity}坠机事故主要由飞行员操作失误造成。",
        "{fsrc}，{country}空军一架{plane}{ftime}在{fcity}附近训练时坠毁并起火，飞行员跳伞逃生。",
        "搜救人员{ftime}在{fcity}附近海域找到了此前坠毁的{plane}的部分残骸。",
    ),
    weight=14)


def _collapse(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=8, injured_max=15))
    s.update(building=rng.choice(BUILDINGS),
             why=rng.choice(("年久失修", "连日降雨", "违规改建", "施工不当", "超载", "地基下沉")))
    return s


COLLAPSE = wire(
    "wire_collapse", SAFETY, _collapse,
    heads=("{loc}{building}坍塌 {cash}", "{country}{building}倒塌{cash}", "{fcity}一座大桥突然垮塌",
           "{loc}一在建工地发生坍塌", "{country}一居民楼倒塌 多人被埋", "{loc}商场吊顶坍塌砸伤顾客",
           "{loc}隧道塌方 {n}名工人被困", "{country}一矿山发生坍塌事故{cash}", "{loc}一自建房垮塌",
           "{loc}一围墙倒塌 {cash}", "{fcity}一栋老楼坍塌，救援持续", "{loc}桥梁侧翻事故原因公布"),
    leads=(
        "{time}，{place}{building}突然发生坍塌，{cas}，救援人员正在现场搜救。",
        "{fsrc}，{ftime}，{country}{fcity}{building}发生倒塌，{cas}，多人被埋在废墟下。",
        "{time}，{place}一处在建工地发生坍塌事故，{cas}，{city}已成立事故调查组。",
        "{ftime}，{country}{fcity}{building}因{why}突然垮塌，{cas}。",
        "{time}，{place}一处隧道施工现场发生塌方，{n}名工人被困，经全力救援已全部救出。",
        "记者从{city}获悉，{time}发生的{building}坍塌事故已{cas}，事故原因正在调查中。",
        "{time}，{place}一商场内的吊顶突然坍塌，砸中正在购物的顾客，{cas}。",
    ),
    weight=14)


def _work(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=5, injured_max=6))
    accident, how = rng.choice(WORK_ACCIDENTS)
    s.update(accident=accident, how=how,
             site=rng.choice(("一处工地", "一家工厂", "一座煤矿", "一处建筑工地", "一家企业",
                              "一处地铁施工现场", "一个桥梁施工项目", "一家造纸厂", "一处金矿")))
    return s


WORK = wire(
    "wire_work", SAFETY, _work,
    heads=("{loc}{site}发生{accident} {cash}", "{loc}发生一起{accident}", "{country}一煤矿发生事故{cash}",
           "{loc}工地{how}", "{loc}矿难：{n}名矿工被困井下", "{country}金矿坍塌{cash}"),
    leads=(
        "{time}，{place}{site}发生一起{accident}，{cas}，事故原因正在调查。",
        "{hsrc}，{time}，{place}{site}{how}，{cas}，涉事企业已被责令停产整顿。",
        "{fsrc}，{ftime}，{country}{fcity}{site}发生{accident}，{cas}。",
        "{time}，{place}一处由外地施工单位承建的项目发生{accident}，{cas}。",
    ),
    weight=10)


def _ship(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=12, injured_max=10))
    s.update(ship=rng.choice(SHIPS), water=rng.choice(("河中", "湖中", "海域", "近海", "江面",
                                                        "水库")))
    return s


SHIP = wire(
    "wire_ship", SAFETY, _ship,
    heads=("{country}{ship}倾覆 {cash}", "{loc}{ship}翻沉", "{country}渡轮沉没{cash}",
           "{fcity}{ship}起火沉没", "{loc}{ship}与货轮相撞", "{country}一载客船只翻覆 多人落水"),
    leads=(
        "{fsrc}，{ftime}，{country}{fcity}{water}{ship}倾覆，{cas}，搜救工作仍在进行。",
        "{time}，{place}{water}{ship}意外倾覆，{n}人落水，{cas}。",
        "{ftime}，{country}{fcity}附近{ship}因严重超载沉没，{cas}。",
    ),
    weight=8)


def _blast(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=10, injured_max=40))
    site, _ = rng.choice(BLAST_SITES)
    s.update(site=site, what=rng.choice(BLAST_CAUSES))
    return s


def _blast_scenario(topics: tuple[str, ...], sites) -> object:
    def slots(rng: Random) -> Slots:
        s = _blast(rng)
        s["site"] = rng.choice(sites)
        return s
    return wire(
        f"wire_blast_{topics[0]}", topics, slots,
        heads=("{loc}{site}发生爆炸 {cash}", "{country}{site}爆炸{cash}", "{loc}{site}突发爆燃",
               "{fcity}{site}发生剧烈爆炸", "{country}{site}爆炸事故{cash}", "巨响！{loc}{site}爆炸",
               "{loc}{what}爆炸，{cash}", "{site}爆炸现场画面曝光"),
        leads=(
            "{time}，{place}{site}发生爆炸，{cas}，事故原因正在调查中。",
            "{fsrc}，{ftime}，{country}{fcity}{site}发生剧烈爆炸，{cas}。",
            "{time}，{place}{site}因{what}发生爆燃，{cas}，周边群众已疏散。",
            "{hsrc}，{time}，{place}{site}发生一起爆炸事故，{cas}。",
            "{ftime}，{country}{fcity}{site}接连发生两次爆炸，现场浓烟滚滚，{cas}。",
        ),
        weight=7)


BLAST_CHEM = _blast_scenario(CHEM, [s for s, t in BLAST_SITES if t == CHEM])
BLAST_SAFETY = _blast_scenario(SAFETY, [s for s, t in BLAST_SITES if t == SAFETY])

SAFETY_SCENARIOS = (ROAD, STREET, AIR, COLLAPSE, WORK, SHIP, BLAST_SAFETY)
CHEM_SCENARIOS = (BLAST_CHEM,)
