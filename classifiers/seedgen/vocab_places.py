"""Place vocabulary: provinces, cities and counties, Zhuhai, the coast, roads and villages."""

from random import Random

from classifiers.seedgen.core import Slots

ZHUHAI_SHARE = 0.18

# province | city | counties (real administrative names; the events are invented)
_PLACES = """
北京|北京|房山区,门头沟区,大兴区,昌平区,通州区
天津|天津|滨海新区,静海区,宝坻区,武清区
上海|上海|浦东新区,金山区,嘉定区,松江区,奉贤区
重庆|重庆|万州区,涪陵区,綦江区,巫山县,奉节县,开州区,彭水县
河北|石家庄市|藁城区,正定县,晋州市,井陉县
河北|唐山市|丰南区,迁安市,遵化市,曹妃甸区
河北|沧州市|任丘市,黄骅市,泊头市
河北|邯郸市|武安市,涉县,峰峰矿区
山西|太原市|小店区,清徐县,古交市
山西|长治市|潞城区,襄垣县,沁源县
山西|吕梁市|孝义市,柳林县,交城县
山西|晋城市|高平市,阳城县,沁水县
内蒙古|鄂尔多斯市|准格尔旗,伊金霍洛旗,达拉特旗
内蒙古|包头市|九原区,土默特右旗
内蒙古|阿拉善盟|阿拉善左旗
辽宁|沈阳市|浑南区,新民市,辽中区
辽宁|大连市|金州区,瓦房店市,庄河市
辽宁|鞍山市|海城市,台安县
吉林|长春市|九台区,德惠市,农安县
吉林|白山市|抚松县,临江市
黑龙江|哈尔滨市|双城区,五常市,阿城区
黑龙江|鸡西市|密山市,鸡东县
黑龙江|鹤岗市|萝北县,绥滨县
江苏|南京市|江宁区,六合区,溧水区
江苏|苏州市|昆山市,张家港市,常熟市,吴江区
江苏|无锡市|江阴市,宜兴市
江苏|盐城市|响水县,滨海县,射阳县
江苏|连云港市|灌云县,灌南县
浙江|杭州市|萧山区,临安区,桐庐县,建德市
浙江|宁波市|镇海区,慈溪市,余姚市,象山县
浙江|温州市|乐清市,瑞安市,苍南县,永嘉县
浙江|台州市|温岭市,临海市,玉环市
浙江|金华市|义乌市,永康市,东阳市
安徽|合肥市|肥西县,长丰县,庐江县
安徽|芜湖市|繁昌区,无为市,南陵县
安徽|阜阳市|临泉县,颍上县,太和县
安徽|安庆市|桐城市,潜山市,宿松县
福建|福州市|闽侯县,福清市,连江县
福建|泉州市|晋江市,石狮市,南安市,安溪县
福建|漳州市|龙海区,漳浦县,诏安县
福建|宁德市|福安市,霞浦县
江西|南昌市|新建区,进贤县,安义县
江西|九江市|瑞昌市,永修县,都昌县
江西|赣州市|于都县,瑞金市,兴国县
江西|上饶市|鄱阳县,余干县,德兴市
山东|济南市|章丘区,平阴县,商河县
山东|青岛市|黄岛区,即墨区,胶州市
山东|淄博市|临淄区,桓台县,沂源县
山东|潍坊市|寿光市,青州市,昌邑市
山东|东营市|广饶县,垦利区,利津县
山东|临沂市|兰陵县,沂水县,郯城县
河南|郑州市|中牟县,新郑市,巩义市,荥阳市
河南|洛阳市|偃师区,栾川县,嵩县
河南|平顶山市|郏县,汝州市,鲁山县
河南|南阳市|邓州市,西峡县,淅川县
河南|信阳市|固始县,商城县,潢川县
湖北|武汉市|新洲区,黄陂区,江夏区,蔡甸区
湖北|宜昌市|夷陵区,枝江市,秭归县
湖北|襄阳市|枣阳市,谷城县,老河口市
湖北|荆州市|监利市,洪湖市,公安县
湖北|十堰市|竹山县,郧西县,丹江口市
湖南|长沙市|浏阳市,宁乡市,望城区
湖南|株洲市|醴陵市,攸县,炎陵县
湖南|岳阳市|华容县,平江县,汨罗市,湘阴县
湖南|常德市|澧县,桃源县,石门县
湖南|怀化市|沅陵县,溆浦县,辰溪县
湖南|郴州市|宜章县,嘉禾县,资兴市
广东|广州市|番禺区,花都区,增城区,从化区,白云区
广东|深圳市|宝安区,龙岗区,光明区,坪山区
广东|佛山市|南海区,顺德区,三水区,高明区
广东|惠州市|惠阳区,博罗县,惠东县
广东|江门市|台山市,鹤山市,新会区,开平市
广东|清远市|英德市,连州市,佛冈县
广东|湛江市|雷州市,徐闻县,廉江市
广东|茂名市|高州市,信宜市,化州市
广东|梅州市|梅县区,兴宁市,五华县
广东|韶关市|南雄市,乐昌市,翁源县
广东|肇庆市|四会市,高要区,怀集县
广东|汕头市|潮阳区,澄海区,潮南区
广东|阳江市|阳春市,阳西县
广东|中山市|坦洲镇,小榄镇,三乡镇
广东|东莞市|长安镇,虎门镇,塘厦镇,常平镇
广西|南宁市|武鸣区,横州市,宾阳县
广西|桂林市|阳朔县,临桂区,全州县
广西|柳州市|柳江区,融安县,鹿寨县
广西|梧州市|藤县,岑溪市,苍梧县
广西|百色市|田阳区,靖西市,平果市
海南|海口市|美兰区,琼山区
海南|三亚市|崖州区,海棠区
海南|儋州市|那大镇,白马井镇
四川|成都市|都江堰市,彭州市,双流区,金堂县
四川|绵阳市|江油市,安州区,平武县
四川|宜宾市|长宁县,珙县,兴文县
四川|雅安市|芦山县,汉源县,石棉县
四川|甘孜藏族自治州|泸定县,康定市,九龙县
四川|凉山彝族自治州|西昌市,冕宁县,会理市
贵州|贵阳市|清镇市,修文县,开阳县
贵州|六盘水市|水城区,盘州市,六枝特区
贵州|毕节市|纳雍县,大方县,织金县
贵州|遵义市|仁怀市,桐梓县,习水县
云南|昆明市|东川区,安宁市,寻甸县
云南|昭通市|鲁甸县,镇雄县,彝良县
云南|大理白族自治州|宾川县,祥云县,洱源县
云南|红河哈尼族彝族自治州|个旧市,蒙自市,弥勒市
陕西|西安市|长安区,鄠邑区,蓝田县
陕西|榆林市|神木市,府谷县,横山区
陕西|延安市|子长市,延川县,黄陵县
陕西|汉中市|勉县,城固县,略阳县
甘肃|兰州市|榆中县,永登县,皋兰县
甘肃|天水市|秦州区,麦积区,甘谷县
甘肃|陇南市|文县,武都区,宕昌县
甘肃|定西市|岷县,临洮县,渭源县
青海|西宁市|湟中区,大通县,湟源县
青海|海西州|格尔木市,德令哈市
宁夏|银川市|永宁县,贺兰县,灵武市
宁夏|石嘴山市|惠农区,平罗县
新疆|乌鲁木齐市|米东区,达坂城区
新疆|昌吉州|阜康市,玛纳斯县,呼图壁县
新疆|伊犁州|伊宁市,霍城县,新源县
西藏|拉萨市|堆龙德庆区,墨竹工卡县
西藏|日喀则市|定日县,聂拉木县
"""

# (long form, short form, area) inside Zhuhai
ZHUHAI_PLACES = (
    ("珠海市香洲区", "珠海香洲", "香洲区"),
    ("珠海市斗门区", "珠海斗门", "斗门区"),
    ("珠海市金湾区", "珠海金湾", "金湾区"),
    ("珠海高新区", "珠海高新区", "高新区"),
    ("珠海高新区唐家湾镇", "唐家湾", "唐家湾镇"),
    ("珠海高新区金鼎片区", "高新区金鼎", "金鼎"),
    ("唐家湾镇淇澳社区", "淇澳岛", "淇澳"),
    ("唐家湾镇下栅社区", "唐家湾下栅", "下栅"),
    ("唐家湾镇那洲社区", "唐家湾那洲", "那洲"),
    ("横琴粤澳深度合作区", "横琴", "横琴"),
    ("珠海高栏港经济区", "高栏港", "高栏港"),
    ("高栏港经济区平沙镇", "高栏港平沙", "平沙镇"),
    ("高栏港经济区南水镇", "高栏港南水", "南水镇"),
    ("斗门区井岸镇", "斗门井岸", "井岸镇"),
    ("斗门区白蕉镇", "斗门白蕉", "白蕉镇"),
    ("斗门区乾务镇", "斗门乾务", "乾务镇"),
    ("斗门区莲洲镇", "斗门莲洲", "莲洲镇"),
    ("斗门区斗门镇", "斗门镇", "斗门镇"),
    ("斗门区白藤街道", "斗门白藤", "白藤街道"),
    ("金湾区三灶镇", "金湾三灶", "三灶镇"),
    ("金湾区红旗镇", "金湾红旗", "红旗镇"),
    ("香洲区前山街道", "香洲前山", "前山街道"),
    ("香洲区拱北街道", "珠海拱北", "拱北"),
    ("香洲区吉大街道", "珠海吉大", "吉大"),
    ("香洲区南屏镇", "香洲南屏", "南屏镇"),
    ("香洲区湾仔街道", "香洲湾仔", "湾仔街道"),
    ("香洲区梅华街道", "香洲梅华", "梅华街道"),
    ("香洲区狮山街道", "香洲狮山", "狮山街道"),
    ("万山海洋开发试验区桂山镇", "桂山岛", "桂山镇"),
    ("珠海市", "珠海", "珠海"),
)


def _parse_places() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = []
    for line in _PLACES.strip().splitlines():
        province, city, counties = line.split("|")
        rows.append((province, city, tuple(counties.split(","))))
    return rows


PLACES = _parse_places()
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


def short_name(name: str) -> str:
    """A place name without its administrative suffix (岳阳市 → 岳阳, 华容县 → 华容)."""
    for suffix in ("自治州", "州", "市", "县", "区", "盟", "镇"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)] if suffix != "自治州" else name[:2]
    return name


_ZHUHAI_BUREAUS = (
    (("珠海高新区", "唐家湾"), "珠海高新区应急管理局"), (("珠海市斗门区", "斗门区"), "斗门区应急管理局"),
    (("珠海市金湾区", "金湾区"), "金湾区应急管理局"), (("珠海市香洲区", "香洲区"), "香洲区应急管理局"),
)


def _zhuhai_bureau(long_form: str) -> str:
    for prefixes, bureau in _ZHUHAI_BUREAUS:
        if long_form.startswith(prefixes):
            return bureau
    return "珠海市应急管理局"


def place(rng: Random, zhuhai_share: float = ZHUHAI_SHARE) -> Slots:
    """A place: `place` (long, for leads), `loc` (short, for headlines), `city`, `area`, and the
    emergency-management `bureau` that governs it."""
    if rng.random() < zhuhai_share:
        long_form, short_form, area = rng.choice(ZHUHAI_PLACES)
        return {"place": long_form, "loc": short_form, "city": "珠海", "area": area,
                "prov": "广东", "zhuhai": "1", "bureau": _zhuhai_bureau(long_form)}
    province, city, counties = rng.choice(PLACES)
    county = rng.choice(counties)
    city_full = city + "市" if province in MUNICIPALITIES else city
    prov_full = province if province in MUNICIPALITIES else (
        province + ("" if province in ("内蒙古", "广西", "宁夏", "新疆", "西藏") else "省"))
    if province in MUNICIPALITIES:
        long_forms = [f"{city_full}{county}", f"{province}{county}"]
        short_forms = [f"{province}{county}", f"{province}{short_name(county)}"]
    else:
        long_forms = [f"{prov_full}{city}{county}", f"{province}{city}{county}",
                      f"{city}{county}", f"{province}省{city}" if prov_full.endswith("省")
                      else f"{province}{city}"]
        short_forms = [f"{province}{short_name(county)}", f"{short_name(city)}{county}",
                       f"{province}{short_name(city)}", f"{short_name(city)}{short_name(county)}"]
        if county.startswith(short_name(city)):
            short_forms = [f"{province}{county}", county]
    chosen = rng.choice(long_forms)
    bureau = (county if chosen.endswith(county) else city_full) + "应急管理局"
    return {"place": chosen, "loc": rng.choice(short_forms),
            "city": short_name(city), "area": county, "prov": province, "zhuhai": "",
            "bureau": bureau}


ROADS = (
    "人民路", "建设路", "解放路", "中山路", "胜利路", "和平路", "新华路", "长江路", "滨江路",
    "工业大道", "迎宾大道", "环城北路", "环城东路", "站前路", "府前路", "学府路", "育才路",
    "东风路", "青年路", "兴业路", "金湖路", "港湾大道", "创业路", "科技路", "南环路",
)
ZHUHAI_ROADS = ("珠海大道", "机场东路", "情侣中路", "九洲大道", "金凤路", "港湾大道", "湖心路",
                "白石路", "井湾路", "珠峰大道", "大学路", "金鼎路", "乐士文路")
HIGHWAYS = (
    "京港澳高速", "沈海高速", "兰海高速", "沪昆高速", "连霍高速", "包茂高速", "二广高速",
    "大广高速", "京昆高速", "杭瑞高速", "广澳高速", "107国道", "105国道", "318国道",
    "210国道", "324国道", "207国道", "某省道", "S32西部沿海高速", "江珠高速", "机场高速",
)
VILLAGES = (
    "李家村", "新塘村", "石龙村", "下坪村", "大岭村", "黄沙村", "沙坪村", "东湖村", "青山村",
    "柏树村", "马鞍村", "桃源村", "长坑村", "水口村", "河背村", "龙潭村", "白石村", "高田村",
    "杨柳村", "上湾村", "岭头村", "新丰村", "塘尾村", "石门村", "湾口村", "禾田村", "坳背村",
)
COMMUNITIES = (
    "幸福小区", "阳光花园", "锦绣家园", "翠湖苑", "碧水湾小区", "丽景花园", "和平里小区",
    "东方花城", "滨江苑", "金色家园", "华府小区", "春晖苑", "紫荆花园", "南苑新村", "康乐小区",
    "嘉和名苑", "海景花园", "怡景湾", "盛世华庭", "西湖新村",
)


# Coastal counties and districts where a typhoon can make landfall: (province, city, county)
_COASTAL = (
    ("广东", "湛江市", "徐闻县"), ("广东", "湛江市", "雷州市"), ("广东", "阳江市", "阳西县"),
    ("广东", "江门市", "台山市"), ("广东", "茂名市", "电白区"), ("广东", "汕尾市", "海丰县"),
    ("广东", "汕头市", "澄海区"), ("广东", "惠州市", "惠东县"), ("广东", "深圳市", "大鹏新区"),
    ("福建", "厦门市", "同安区"), ("福建", "福州市", "连江县"), ("福建", "宁德市", "霞浦县"),
    ("福建", "泉州市", "晋江市"), ("福建", "漳州市", "漳浦县"), ("浙江", "温州市", "苍南县"),
    ("浙江", "台州市", "温岭市"), ("浙江", "宁波市", "象山县"), ("浙江", "舟山市", "普陀区"),
    ("海南", "海口市", "美兰区"), ("海南", "三亚市", "崖州区"), ("海南", "文昌市", "龙楼镇"),
    ("广西", "北海市", "合浦县"), ("广西", "防城港市", "东兴市"), ("山东", "青岛市", "黄岛区"),
    ("山东", "烟台市", "蓬莱区"), ("辽宁", "大连市", "庄河市"), ("江苏", "盐城市", "射阳县"),
    ("上海", "上海", "浦东新区"),
)


def coastal_place(rng: Random, zhuhai_share: float = ZHUHAI_SHARE) -> Slots:
    """A place on the coast, where typhoons land (Zhuhai with the usual share)."""
    slots = place(rng, zhuhai_share=1.0 if rng.random() < zhuhai_share else 0.0)
    if slots["zhuhai"]:
        return slots
    province, city, county = rng.choice(_COASTAL)
    city_full = city + "市" if province in MUNICIPALITIES else city
    long_form = f"{city_full}{county}" if province in MUNICIPALITIES else f"{province}{city}{county}"
    slots.update(place=long_form, loc=f"{short_name(city)}{short_name(county)}",
                 city=short_name(city), area=county, prov=province,
                 bureau=f"{county}应急管理局")
    return slots
