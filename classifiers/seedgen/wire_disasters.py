"""Wire-style disaster sentences: fires (buildings, vehicles, arson, wildfires), floods, rainstorms,
landslides and droughts, earthquakes; at home and abroad."""

from random import Random

from classifiers.seedgen.core import Slots
from classifiers.seedgen.wire_vocab import dead_injured, wire, wire_slots

FIRE = ("fire",)
FLOOD = ("flood_drought",)
QUAKE = ("relief_supplies",)

FIRE_SITES = ("一栋居民楼", "一家酒店", "一家医院", "一家养老院", "一家夜总会", "一座商场",
              "一家工厂", "一处仓库", "一家餐馆", "一个农贸市场", "一所学校的宿舍", "一家网吧",
              "一处棚户区", "一座寺庙", "一座教堂", "一家超市", "一栋写字楼", "一家KTV",
              "一处批发市场", "一家服装厂", "一家打火机厂", "一家家具城", "一个停车场", "一处公寓")
CARS = ("一辆电动汽车", "一辆私家车", "一辆大货车", "一辆公交车", "一辆新能源汽车", "一辆越野车",
        "一辆油罐车", "一辆旅游大巴", "一辆出租车", "一辆满载货物的卡车", "一辆电动自行车")
WILD = ("山火", "森林大火", "丛林大火", "野火", "草原火灾")
RIVERS = ("河水暴涨", "多条河流水位超警", "河流决堤", "水库泄洪", "江水倒灌")
QUAKE_AREAS = ("近海", "北部地区", "南部海域", "中部山区", "东部", "西部沿海")


def _fire(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=10, injured_max=20))
    s.update(site=rng.choice(FIRE_SITES), car=rng.choice(CARS), wild=rng.choice(WILD),
             hectare=str(rng.choice((300, 800, 1200, 5000, 20000, 60000))),
             homes=str(rng.randint(20, 900)),
             where=rng.choice(("高速公路上", "停车场内", "小区地下车库", "服务区内", "路边",
                               "充电桩旁", "加油站附近", "隧道内")))
    return s


FIRE_WIRE = wire(
    "wire_fire", FIRE, _fire,
    heads=("{loc}{site}起火 {cash}", "{country}{site}发生火灾{cash}", "{fcity}{site}大火 {cash}",
           "{loc}{car}突然自燃", "{car}{where}起火，{cash}", "又一起！{brand}电动车自燃",
           "{country}{wild}持续蔓延 数千人撤离", "{country}{wild}过火面积超{hectare}公顷",
           "{fcity}{site}遭人纵火 {cash}", "{country}纵火案遇难者升至{mid}人", "{loc}{site}突发火情",
           "{country}{site}火灾死亡人数升至{mid}人", "{loc}一电动车充电时起火", "{fcity}发生大火 浓烟冲天",
           "{brand}回应车辆自燃：正配合调查", "{loc}{site}失火，{cash}", "{country}山火逼近城区",
           "{brand}电动车{where}自燃 车主：太吓人", "{fcity}{site}纵火案遇难者身份公布",
           "{loc}民警火场疏散{n}名群众", "停车场内私家车突然自燃", "{country}{wild}致{wan}万人疏散",
           "{brand}电动车起火后启动召回", "{fcity}{site}火灾遇难者悼念活动举行", "{fcity}纵火案嫌犯被起诉",
           "{fcity}{site}大火引发关注", "{country}{wild}烧毁{homes}栋房屋", "{loc}{site}突冒浓烟 火情已处置"),
    leads=(
        "{time}，{place}{site}发生火灾，{cas}，火灾原因正在调查中。",
        "{fsrc}，{ftime}，{country}{fcity}{site}发生火灾，{cas}。",
        "{time}，{car}在{place}{where}突然起火，司机及时逃生，车辆被烧成空壳。",
        "{fsrc}，{country}{fcity}{ftime}一处{site}遭人蓄意纵火，{cas}，一名嫌疑男子被警方控制。",
        "{ftime}，{country}{fcity}附近发生{wild}，大火已烧毁{homes}栋房屋，数千名居民被紧急疏散。",
        "{fsrc}，{country}境内的{wild}已持续燃烧{n}天，过火面积超过{hectare}公顷。",
        "今年以来，{brand}的电动汽车已在多地发生自燃，{time}{place}又有一辆在{where}起火。",
        "{time}，{place}{site}突然冒出浓烟，{cas}，消防人员赶到后迅速将明火扑灭。",
        "{ftime}，{country}{fcity}{site}发生大火，{cas}，当地总领馆确认暂无中国公民伤亡。",
        "{time}，{car}在{highway}行驶途中突然着火，高速交警接警后立即赶往现场处置。",
        "{hsrc}，{time}，{place}{site}发生火情，{cas}，过火面积约{mid}平方米。",
        "{brand}{day}回应{place}车辆自燃一事，称事故原因仍在调查，将全力配合有关部门。",
        "{ftime}，{country}{fcity}{site}火灾遇难者的身份已全部确认。",
        "{fsrc}，{country}{fcity}的{wild}{ftime}继续向周边蔓延，约{wan}万名居民被强制疏散。",
        "{place}{site}火灾后的重建工作{day}启动。",
        "{time}，{place}{site}起火，巡逻民警赶到后协助疏散了{n}名群众。",
        "{ftime}，{country}{fcity}一辆运输车辆的大货车在公路上起火，车上货物被烧毁。",
        "{brand}{day}宣布召回部分电动车，此前该车型已在多地发生起火事故。",
        "{fcity}{site}火灾发生{n}天后，当地为遇难者举行了悼念活动。",
        "{ftime}，{country}{fcity}一座炼油厂发生大火，浓烟在数十公里外都清晰可见。",
        "{time}，{place}{site}突然冒出滚滚浓烟，消防救援人员赶到后确认系{site}内杂物起火。",
    ),
    weight=24)


def _flood(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=20, injured_max=10))
    s.update(river=rng.choice(RIVERS), years=rng.choice(("十年", "二十年", "五十年", "百年")),
             wan=str(rng.randint(1, 80)), days=rng.choice(("连日", "持续", "近一周", "数日来")))
    return s


FLOOD_WIRE = wire(
    "wire_flood", FLOOD, _flood,
    heads=("{country}暴雨引发洪水 {cash}", "{country}洪灾{cash}", "{fcity}遭遇{years}一遇洪水",
           "{loc}突发山洪 {cash}", "{loc}暴雨致多处道路被淹", "{country}季风暴雨{cash}",
           "{loc}{river}，村庄被淹", "{country}洪水泛滥 {wan}万人被迫撤离", "{loc}山体滑坡{cash}",
           "{country}泥石流灾害{cash}", "{fcity}暴雨成灾 街道变河道", "{country}遭遇严重旱灾",
           "{loc}持续干旱 {wan}万人饮水困难", "{loc}{years}一遇洪水来袭", "{country}多地暴雨 {cash}",
           "暴雨袭击{fcity}：地铁站进水", "{country}河流决堤 大片农田被淹"),
    leads=(
        "{fsrc}，{country}{fcity}{days}暴雨引发洪水，{cas}，数千人无家可归。",
        "{ftime}，{country}{fcity}遭遇强降雨，{river}，{cas}。",
        "{time}，{place}突降暴雨，{village}{river}，部分村民被困，救援人员已赶赴现场。",
        "{fsrc}，{country}{days}遭受洪灾，{cas}，约{wan}万人被迫转移。",
        "{time}，{place}遭遇{years}一遇的特大洪水，多个乡镇通讯和电力中断。",
        "{hsrc}，{days}强降雨导致{place}多处发生山体滑坡，{cas}。",
        "{ftime}，{country}{fcity}发生泥石流，{cas}，多栋房屋被冲毁。",
        "{fsrc}，{country}{fcity}今年遭遇数十年来最严重的旱灾，约{wan}万人面临缺水。",
        "入汛以来，{place}已遭受{n}轮强降雨袭击，{cas}，多条道路和农田被淹。",
        "{ftime}，{country}{fcity}的季风降雨导致洪水泛滥，多所学校停课，村民只能蹚水出行。",
        "受{days}暴雨影响，{place}{river}，部分农田和养殖场被淹，当地正组织群众转移。",
    ),
    weight=20)


def _quake(rng: Random) -> Slots:
    s = wire_slots(rng)
    s.update(dead_injured(rng, dead_max=30, injured_max=200))
    s.update(mag=f"{rng.randint(40, 79) / 10:.1f}", depth=str(rng.randint(5, 120)),
             qarea=rng.choice(QUAKE_AREAS))
    return s


QUAKE_WIRE = wire(
    "wire_quake", QUAKE, _quake,
    heads=("{country}{qarea}发生{mag}级地震", "{country}{fcity}发生{mag}级地震 {cash}",
           "{loc}发生{mag}级地震 震源深度{depth}千米", "{country}强震{cash}", "{country}地震死亡人数升至{mid}人",
           "{fcity}地震：救援人员在废墟中搜救", "{loc}{mag}级地震 多地有震感", "{country}{mag}级地震后余震不断"),
    leads=(
        "中国地震台网正式测定：{day}，{country}{qarea}发生{mag}级地震，震源深度{depth}千米。",
        "{fsrc}，{ftime}，{country}{fcity}发生{mag}级地震，{cas}。",
        "{time}，{place}发生{mag}级地震，震源深度{depth}千米，{cas}。",
        "{fsrc}，{country}{ftime}发生的强烈地震已{cas}，救援工作仍在继续。",
        "{ftime}，{country}{fcity}附近发生{mag}级地震，当地多栋建筑出现裂缝，居民纷纷跑到街上避险。",
    ),
    weight=10)

FIRE_SCENARIOS = (FIRE_WIRE,)
FLOOD_SCENARIOS = (FLOOD_WIRE,)
QUAKE_SCENARIOS = (QUAKE_WIRE,)
