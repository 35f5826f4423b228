"""The SQL that fills the alerts API benchmark's database (run by bench/alerts_api_data.py).

One statement per constant (psycopg binds parameters server-side, one command at a time), so no
``%`` outside placeholders: ``mod()`` stands for the modulo operator. Item ``g`` with
``g mod 10 < 3`` is analysed; analysed items pair up into stories (``STORY_OF``).
"""

from __future__ import annotations

import json

TOPIC_WEIGHTS = {
    "online_opinion": 22, "fire": 14, "production_safety": 12, "flood_drought": 10,
    "petition_complaint": 10, "hazardous_chemicals": 8, "mass_incident": 6,
    "large_enterprise": 6, "relief_supplies": 6, "ideological_security": 6,
}
LEVEL_WEIGHTS = {"blue": 70, "yellow": 20, "orange": 8, "red": 2}
LOCALITY_WEIGHTS = {"jurisdiction": 40, "nearby": 30, "elsewhere": 20, "unknown": 10}
PLACES = {
    "jurisdiction": ["珠海高新区", "唐家湾镇", "唐家", "金鼎", "淇澳岛", "下栅", "上栅", "鸡山",
                     "那洲", "科技创新海岸", "南方软件园"],
    "nearby": ["香洲区", "拱北", "吉大", "前山", "南屏镇", "横琴粤澳深度合作区", "斗门区", "井岸镇",
               "白蕉镇", "金湾区", "三灶镇", "平沙镇", "高栏港经济区"],
    "elsewhere": ["广州市", "深圳市", "佛山市", "东莞市", "中山市", "江门市", "惠州市", "湛江市",
                  "河南省", "四川省", "福建省", "浙江省"],
}
EVENTS = {
    "fire": ["一厂房发生火灾", "居民楼起火", "山火蔓延", "仓库突发大火", "电动车充电起火"],
    "production_safety": ["工地塔吊倒塌", "建筑工地发生坍塌", "一工厂发生机械伤害事故",
                          "有限空间作业中毒", "脚手架坍塌"],
    "large_enterprise": ["一大型企业发生爆炸", "电厂锅炉事故", "船厂发生火情", "芯片厂气体泄漏",
                         "物流园货架倒塌"],
    "hazardous_chemicals": ["危化品运输车侧翻", "化工厂发生泄漏", "加油站起火", "液化气罐爆燃",
                            "化工园区冒出浓烟"],
    "flood_drought": ["暴雨致多处内涝", "河堤出现管涌", "山体滑坡阻断道路", "水库超汛限水位",
                      "台风致大树倒伏"],
    "relief_supplies": ["救灾物资发放引质疑", "临时安置点物资短缺", "应急物资储备库开展检查",
                        "捐赠物资去向受关注", "受灾群众转移安置"],
    "online_opinion": ["网传应急部门处置迟缓", "短视频称事故瞒报", "网友质疑救援不力",
                       "热搜讨论事故原因", "自媒体发布不实消息"],
    "petition_complaint": ["居民投诉噪音扰民", "群众信访反映安全隐患", "热线集中投诉燃气问题",
                           "业主反映消防通道被占", "村民投诉违规排污"],
    "mass_incident": ["数十名工人聚集讨薪", "村民聚集阻工", "业主集体维权", "群众围堵施工现场",
                      "出租车司机聚集"],
    "ideological_security": ["境外媒体炒作事故", "网络谣言恶意抹黑", "有害信息集中传播",
                             "大V发文歪曲事实", "帖文煽动对立情绪"],
}
TAILS = ["造成1人受伤", "造成2人死亡", "无人员伤亡", "消防已到场处置", "官方通报", "现场视频曝光",
         "相关部门正在调查", "多人被困", "交通一度中断", "目前已控制", "网友发帖求助",
         "记者现场直击"]
MEDIA = ["珠海特区报", "南方日报", "新华社", "人民网", "中新网", "珠海发布", "广东应急管理",
         "网友爆料"]
FILLERS = ["应急管理部门已第一时间赶赴现场，组织开展救援和调查工作。", "具体原因正在进一步调查中。",
           "当地政府已启动应急预案，全力做好善后处置。", "请市民注意安全，不信谣、不传谣。"]
LEVEL_NAMES = {"blue": "一般", "yellow": "较大", "orange": "重大", "red": "特别重大"}


def _array(values) -> str:
    return "ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]::text[]"


def pick(weights: dict[str, float]) -> str:
    """SQL for one value drawn with these weights (a fresh ``random()`` per row)."""
    total, cumulative, bounds = sum(weights.values()), 0.0, []
    for weight in list(weights.values())[:-1]:
        cumulative += weight / total
        bounds.append(f"{cumulative:.6f}")
    return (f"({_array(weights)})[1 + width_bucket(random(), "
            f"ARRAY[{', '.join(bounds)}]::float8[])]")


def uniform(values) -> str:
    """SQL for one of ``values``, all equally likely."""
    return f"({_array(values)})[1 + floor(random() * {len(values)})::int]"


def iso(expression: str) -> str:
    """SQL for a timestamptz as Python's ``isoformat()`` writes it in UTC."""
    return (f"(to_char(({expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') "
            f"|| '+00:00')")


STORY_OF = "(((g / 10) * 3 + mod(g, 10)) / 2 + 1)"
ALL_PLACES = [p for places in PLACES.values() for p in places]
EVENTS_JSON = "'" + json.dumps(EVENTS, ensure_ascii=False) + "'::jsonb"

STORY_FACTS = f"""
CREATE UNLOGGED TABLE bench_story_facts AS
SELECT story_id, topic, level, locality,
       CASE locality WHEN 'jurisdiction' THEN {uniform(PLACES['jurisdiction'])}
                     WHEN 'nearby' THEN {uniform(PLACES['nearby'])}
                     WHEN 'elsewhere' THEN {uniform(PLACES['elsewhere'])} END AS place
FROM (SELECT s AS story_id, {pick(TOPIC_WEIGHTS)} AS topic,
             CASE WHEN random() < 0.7 THEN {pick(LEVEL_WEIGHTS)} END AS level,
             {pick(LOCALITY_WEIGHTS)} AS locality
      FROM generate_series(1, %(stories)s::int) s) f
"""

ITEMS = f"""
INSERT INTO items (id, source_id, guid, url, title, summary, content, published_at, fetched_at,
                   content_hash, encoding, entry_key, analysis_state, analysis_attempts)
SELECT x.g, x.source_id, x.url, x.url, x.title,
       '据' || {uniform(MEDIA)} || '消息，' || x.title || '。' || {uniform(FILLERS)}, '',
       x.fetched - random() * interval '3 hours', x.fetched, md5(x.title || x.g), 'utf-8',
       md5('entry' || x.g), CASE WHEN x.analysed THEN 'done' ELSE 'pending' END, 0
FROM (SELECT y.*, 'https://' || y.source_id || '.example.cn/a/' || y.g || '.html' AS url,
             y.place || ({EVENTS_JSON} -> y.topic ->> floor(random() * 5)::int) || '，'
               || {uniform(TAILS)} AS title
      FROM (SELECT g, src.ids[1 + mod(g * 7, src.n)] AS source_id, mod(g, 10) < 3 AS analysed,
                   coalesce(f.topic, {uniform(TOPIC_WEIGHTS)}) AS topic,
                   coalesce(f.place, {uniform(ALL_PLACES)}) AS place,
                   %(t0)s::timestamptz + (g - 1 + random()) / %(n)s::int
                     * (%(t1)s::timestamptz - %(t0)s::timestamptz) AS fetched
            FROM generate_series(1, %(n)s::int) g
            CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n
                        FROM sources) src
            LEFT JOIN bench_story_facts f
              ON f.story_id = CASE WHEN mod(g, 10) < 3 THEN {STORY_OF} END) y) x
"""

STORIES = f"""
INSERT INTO stories (id, title, first_seen_at, last_seen_at, item_count, source_count, topic,
                     level, sources, places, exact_key, fingerprint, representative)
SELECT s.story, s.title, s.first_seen, s.last_seen, s.n, s.n_sources, f.topic, f.level,
       s.sources, CASE WHEN f.place IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(f.place) END,
       md5('story' || s.story), NULL, s.representative
FROM (SELECT {STORY_OF.replace('g', 'id')} AS story, (array_agg(title ORDER BY id))[1] AS title,
             min(fetched_at) AS first_seen, max(fetched_at) AS last_seen, count(*) AS n,
             count(DISTINCT source_id) AS n_sources, jsonb_agg(DISTINCT source_id) AS sources,
             left((array_agg(summary ORDER BY id))[1], 200) AS representative
      FROM items WHERE mod(id, 10) < 3 GROUP BY 1) s
JOIN bench_story_facts f ON f.story_id = s.story
"""

ANALYSES = f"""
INSERT INTO analyses (item_id, story_id, model_version, relevant, relevance, topic, topics, level,
                      grade, deaths, injured, missing, loss_yuan, places, place, locality,
                      sensitivity, negativity, explanation, analyzed_at, alert_pending)
SELECT i.id, f.story_id, 'bench-1', f.level IS NOT NULL,
       CASE WHEN f.level IS NULL THEN random() * 0.5 ELSE 0.6 + random() * 0.4 END,
       CASE WHEN f.level IS NOT NULL THEN f.topic END,
       CASE WHEN f.level IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object(
         'label', f.topic, 'score', round((0.5 + random() * 0.5)::numeric, 3))) END,
       f.level, NULL, CASE WHEN random() < 0.1 THEN floor(random() * 3)::int ELSE 0 END,
       CASE WHEN random() < 0.2 THEN floor(random() * 6)::int ELSE 0 END, 0, NULL,
       CASE WHEN f.place IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(f.place) END,
       f.place, f.locality, random(), random(),
       jsonb_build_object('relevance', jsonb_build_array('keyword:' || f.topic),
                          'level', jsonb_build_array('topic:' || f.topic || '→' ||
                                                     coalesce(f.level, 'none'))),
       i.fetched_at + random() * interval '2 minutes', false
FROM items i JOIN bench_story_facts f ON f.story_id = {STORY_OF.replace('g', 'i.id')}
WHERE mod(i.id, 10) < 3
"""

_AGE = "(%(t1)s::timestamptz - c.created_at)"
_STATUS = f"""CASE WHEN {_AGE} < interval '1 day' THEN {pick(
    {"open": 35, "acknowledged": 25, "in_progress": 20, "resolved": 20})}
      WHEN {_AGE} < interval '7 days' THEN {pick(
    {"open": 3, "acknowledged": 7, "in_progress": 10, "resolved": 80})}
      ELSE {pick({"open": 0.1, "acknowledged": 0.2, "in_progress": 0.4, "resolved": 99.3})} END"""
_HANDLERS = ["duty-a", "duty-b", "deputy-safety", "deputy-disaster", "deputy-ideology"]

# The alerts to create, oldest first (ids grow with time, as in the service), with their fate.
ALERT_PLAN = f"""
CREATE UNLOGGED TABLE bench_alert_plan AS
SELECT w.*, coalesce(r.resolved_at, a.acknowledged_at, w.created_at) AS updated_at,
       a.acknowledged_at, r.resolved_at
FROM (SELECT c.*, row_number() OVER (ORDER BY c.created_at, c.story_id)::int AS id,
             {_STATUS} AS status, t.division, t.steps AS chain_steps,
             least(t.steps, 1 + (random() < 0.2)::int + (random() < 0.05)::int) AS steps,
             random() AS u_ack, random() AS u_resolve, random() < 0.4 AS noted,
             {uniform(_HANDLERS)} AS handler,
             CASE WHEN c.level IN ('orange', 'red') AND random() < 0.5
                  THEN floor(random() * 5)::int ELSE 0 END AS deaths,
             CASE WHEN c.kind = 'story' AND random() < 0.3 THEN floor(random() * 8)::int
                  ELSE 0 END AS injured
      FROM (SELECT f.story_id, NULL::text AS source_id, 'story'::text AS kind,
                   least(st.first_seen_at + random() * interval '20 minutes',
                         %(t1)s::timestamptz - interval '1 second') AS created_at,
                   f.topic, f.level, f.place, f.locality, st.title,
                   st.representative AS summary, st.item_count,
                   'story:' || f.topic || ':' || f.level || ':' || f.locality AS template
            FROM (SELECT story_id FROM bench_story_facts WHERE level IS NOT NULL
                  ORDER BY md5(story_id::text) LIMIT %(n_story)s::int) chosen
            JOIN bench_story_facts f USING (story_id) JOIN stories st ON st.id = f.story_id
            UNION ALL
            SELECT NULL, src.id, 'source_down', %(t0)s::timestamptz + random()
                     * (%(t1)s::timestamptz - %(t0)s::timestamptz), NULL, NULL, NULL, 'unknown',
                   '信息源故障：' || src.name, '连续5次抓取失败：' || {uniform(
                       ["连接超时", "HTTP 503", "HTTP 403", "证书过期", "DNS 解析失败"])},
                   0, 'source_down:::unknown'
            FROM generate_series(1, %(n_down)s::int) g
            JOIN (SELECT row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS n, id, name
                  FROM sources) src ON src.k = 1 + mod(g * 7, src.n)) c
      JOIN bench_templates t ON t.key = c.template) w
CROSS JOIN LATERAL (SELECT CASE WHEN w.status <> 'open' THEN w.created_at + least(
    (%(t1)s::timestamptz - w.created_at) * 0.3, w.u_ack * interval '50 minutes') END
    AS acknowledged_at) a
CROSS JOIN LATERAL (SELECT CASE WHEN w.status = 'resolved' THEN a.acknowledged_at + least(
    (%(t1)s::timestamptz - a.acknowledged_at) * 0.9, w.u_resolve * interval '3 days') END
    AS resolved_at) r
"""

_DEADLINES = f"""(SELECT coalesce(jsonb_agg(x.d || jsonb_build_object(
      'due_at', {iso("p.created_at + make_interval(secs => (x.d ->> 'seconds')::float8)")},
      'met_at', CASE WHEN p.acknowledged_at IS NOT NULL THEN {iso("p.acknowledged_at")} END,
      'breached_at', NULL) ORDER BY x.o), '[]'::jsonb)
    FROM jsonb_array_elements(t.deadlines) WITH ORDINALITY AS x(d, o))"""

ALERTS = f"""
INSERT INTO alerts (id, number, kind, status, title, summary, level, base_level, topic, topics,
                    division, place, locality, deaths, injured, missing, item_count, story_id,
                    source_id, created_at, updated_at, acknowledged_at, acknowledged_by,
                    resolved_at, resolved_by, assignee, config_version, silenced_by,
                    inhibited_by, step, next_due_at, reminder_due_at, deadline_due_at,
                    deadlines, raises, decision, fence)
SELECT p.id, 'YQ-' || to_char(p.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'
         || lpad(p.id::text, 5, '0'),
       p.kind, p.status, p.title, p.summary, p.level, coalesce(p.level, 'blue'), p.topic,
       CASE WHEN p.topic IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(p.topic) END,
       p.division, p.place, p.locality, p.deaths, p.injured, 0, p.item_count, p.story_id,
       p.source_id, p.created_at, p.updated_at, p.acknowledged_at,
       CASE WHEN p.acknowledged_at IS NOT NULL THEN p.handler END, p.resolved_at,
       CASE WHEN p.resolved_at IS NOT NULL THEN p.handler END,
       CASE WHEN p.status = 'in_progress' OR (p.noted AND p.status = 'resolved')
            THEN coalesce(p.division, 'office') || '-duty' END,
       t.config_version, NULL, NULL, p.steps,
       CASE WHEN p.status = 'open' THEN p.created_at + p.steps * interval '30 minutes' END,
       CASE WHEN p.status IN ('acknowledged', 'in_progress')
                 AND p.level IN ('yellow', 'orange', 'red')
            THEN %(t1)s::timestamptz + (1 + mod(p.id, 8)) * interval '1 hour' END,
       CASE WHEN p.status <> 'resolved' THEN p.created_at
            + make_interval(secs => (t.deadlines -> 0 ->> 'seconds')::float8) END,
       {_DEADLINES}, '[]'::jsonb, t.decision, 0
FROM bench_alert_plan p JOIN bench_templates t ON t.key = p.template
"""

ALERT_ITEMS = """
INSERT INTO alert_items (alert_id, item_id, added_at)
SELECT p.id, a.item_id, p.created_at FROM bench_alert_plan p JOIN analyses a USING (story_id)
"""

ALERT_RECIPIENTS = """
INSERT INTO alert_recipients (alert_id, person, first_step, added_at)
SELECT p.id, r.key, r.value::int, p.created_at + r.value::int * interval '30 minutes'
FROM bench_alert_plan p JOIN bench_templates t ON t.key = p.template
CROSS JOIN LATERAL jsonb_each_text(t.recipients) r
WHERE r.value::int < p.steps
"""

_LEVEL_NAME = ("CASE p.level " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in LEVEL_NAMES.items())
               + " ELSE '无级别' END")

# The timeline, in time order: created, routed, queued, escalated, acknowledged, assigned,
# report, resolved (as far as each alert got).
ALERT_EVENTS = f"""
INSERT INTO alert_events (alert_id, at, kind, actor, message, detail)
SELECT alert_id, at, kind, actor, message, detail FROM (
  SELECT p.id AS alert_id, p.created_at AS at, 1 AS o, 'created' AS kind, 'system' AS actor,
         '生成告警：' || p.title || '（' || p.item_count || '条报道）' AS message,
         jsonb_build_object('items', coalesce((SELECT jsonb_agg(item_id ORDER BY item_id)
                                               FROM analyses a WHERE a.story_id = p.story_id),
                                              '[]'::jsonb),
                            'base_level', p.level, 'raises', '[]'::jsonb) AS detail
  FROM bench_alert_plan p
  UNION ALL
  SELECT p.id, p.created_at, 2, 'routed', 'system',
         '按路由配置 ' || t.config_version || ' 定为' || {_LEVEL_NAME} || '，责任科室：'
           || coalesce(t.decision ->> 'division_name', '值班室'),
         jsonb_build_object('config_version', t.config_version, 'level', p.level,
                            'division', p.division, 'rules', t.decision -> 'rules')
  FROM bench_alert_plan p JOIN bench_templates t ON t.key = p.template
  UNION ALL
  SELECT p.id, p.created_at + (s - 1) * interval '30 minutes', 3,
         CASE WHEN s = 1 THEN 'notification_queued' ELSE 'escalated' END, 'system',
         CASE WHEN s = 1 THEN '通知待发：第1步' ELSE '未签收，升级至第' || s || '步' END,
         jsonb_build_object('step', s - 1)
  FROM bench_alert_plan p CROSS JOIN LATERAL generate_series(1, p.steps) s
  UNION ALL
  SELECT p.id, p.acknowledged_at, 4, 'acknowledged', p.handler, '签收', '{{}}'::jsonb
  FROM bench_alert_plan p WHERE p.acknowledged_at IS NOT NULL
  UNION ALL
  SELECT p.id, p.acknowledged_at + interval '5 minutes', 5, 'assigned', p.handler,
         '指派给 ' || coalesce(p.division, 'office') || '-duty', '{{}}'::jsonb
  FROM bench_alert_plan p
  WHERE p.status = 'in_progress' OR (p.noted AND p.status = 'resolved')
  UNION ALL
  SELECT p.id, p.resolved_at - (p.resolved_at - p.acknowledged_at) / 2, 6, 'report', p.handler,
         '初报：' || p.title || '，现场已处置，无次生事故。', jsonb_build_object('kind', 'report')
  FROM bench_alert_plan p WHERE p.noted AND p.status = 'resolved'
  UNION ALL
  SELECT p.id, p.resolved_at, 7, 'resolved', p.handler, '办结', '{{}}'::jsonb
  FROM bench_alert_plan p WHERE p.resolved_at IS NOT NULL
) e ORDER BY at, alert_id, o
"""
