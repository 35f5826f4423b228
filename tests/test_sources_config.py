"""sources.yaml: validation that names file, line and field; OPML import; sync to the database."""

from pathlib import Path

import pytest
from sqlmodel import Session, select

from service.configfile import ConfigError, parse_duration
from service.models import Source
from service.sources.opml import import_opml
from service.sources.schema import load_sources
from service.sources.sync import sync_sources
from tests.conftest import write_sources

REPO = Path(__file__).resolve().parent.parent


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        write_sources(tmp_path / "sources.yaml", text)
    return caught.value.render().splitlines()


def test_errors_name_file_line_and_field(tmp_path):
    lines = problems(tmp_path, """\
        sources:
          - id: ok
            name: 正常
            kind: rss
            url: http://127.0.0.1/a
          - id: Bad Id
            name: 错误
            kind: rss
            url: ftp://127.0.0.1/b
            min_interval: soon
        """)
    path = tmp_path / "sources.yaml"
    pattern = "'^[a-z0-9][a-z0-9_.-]{0,63}$'"
    assert f"{path}:6: sources[1].id: String should match pattern {pattern}" in lines
    assert any(line.startswith(f"{path}:9: sources[1].url:") for line in lines)
    assert any(line.startswith(f"{path}:10: sources[1].min_interval:") for line in lines)


def test_kind_html_needs_selectors_and_valid_css(tmp_path):
    lines = problems(tmp_path, """\
        sources:
          - {id: a, name: A, kind: html, url: "http://127.0.0.1/a"}
          - id: b
            name: B
            kind: html
            url: http://127.0.0.1/b
            html:
              list: "ul li"
              title: "a"
              link: "a[["
        """)
    assert any(":2: sources[0]:" in line and "html" in line for line in lines)
    assert any(":10: sources[1].html.link: invalid CSS selector" in line for line in lines)


def test_duplicate_ids_and_urls_point_at_the_second_entry(tmp_path):
    lines = problems(tmp_path, """\
        sources:
          - {id: a, name: A, kind: rss, url: "http://127.0.0.1/a"}
          - {id: a, name: B, kind: rss, url: "http://127.0.0.1/a"}
        """)
    assert any(":3: sources[1].id: id 'a' appears twice" in line for line in lines)
    assert any(":3: sources[1].url: same url as source 'a'" in line for line in lines)


def test_yaml_syntax_and_unknown_keys(tmp_path):
    assert ":3: YAML syntax error" in problems(tmp_path, "sources:\n  - id: a\n   name: [\n")[0]
    lines = problems(tmp_path, """\
        sources:
          - {id: a, name: A, kind: rss, url: "http://127.0.0.1/a", intervall: 5}
        """)
    assert any(":2: sources[0].intervall: Extra inputs are not permitted" in line for line in lines)


def test_durations():
    assert parse_duration("90") == 90 and parse_duration(90) == 90
    assert parse_duration("5m") == 300 and parse_duration("2h") == 7200
    assert parse_duration("1d") == 86400 and parse_duration("30s") == 30
    for bad in ("soon", "-5", True, "5 weeks"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_defaults_fill_in_intervals_tier_region(tmp_path):
    sources_file = write_sources(tmp_path / "s.yaml", """\
        defaults: {min_interval: 2m, max_interval: 20m, tier: district, region: 珠海高新区}
        sources:
          - {id: a, name: A, kind: rss, url: "http://127.0.0.1/a"}
          - {id: b, name: B, kind: atom, url: "http://127.0.0.1/b", max_interval: 1m,
             tier: central}
        """)
    a, b = sources_file.resolved()
    assert (a.min_interval, a.max_interval, a.tier.value, a.region) == (120, 1200, "district",
                                                                         "珠海高新区")
    assert (b.min_interval, b.max_interval, b.tier.value) == (60, 60, "central")


def test_shipped_sources_file_is_valid():
    sources_file = load_sources(REPO / "sources.yaml")
    assert len(sources_file.sources) >= 20
    assert {s.kind.value for s in sources_file.sources} >= {"rss", "html"}


def test_opml_import_appends_new_feeds_and_keeps_comments(tmp_path):
    path = tmp_path / "sources.yaml"
    write_sources(path, """\
        # 我们的信息源
        sources:
          - {id: a, name: A, kind: rss, url: "http://127.0.0.1/a"}  # 保留这条注释
        """)
    opml = tmp_path / "feeds.opml"
    opml.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>导出</title></head><body>
  <outline text="应急" title="应急">
    <outline type="rss" text="应急管理部" title="应急管理部" xmlUrl="http://127.0.0.2/mem.xml"/>
    <outline type="atom" text="Flood news" xmlUrl="http://127.0.0.3/atom"/>
  </outline>
  <outline type="rss" text="重复" xmlUrl="http://127.0.0.1/a"/>
</body></opml>""", encoding="utf-8")

    report = import_opml(opml, path)

    assert report.skipped == ["http://127.0.0.1/a"]
    assert len(report.added) == 2
    text = path.read_text(encoding="utf-8")
    assert "# 我们的信息源" in text and "# 保留这条注释" in text
    sources = {s.name: s for s in load_sources(path).sources}
    assert sources["应急管理部"].tags == ["应急"] and sources["应急管理部"].kind.value == "rss"
    assert sources["Flood news"].kind.value == "atom" and sources["Flood news"].id == "flood-news"
    assert import_opml(opml, path).added == []


def test_sync_adds_updates_and_disables(engine, tmp_path, clock):
    path = tmp_path / "s.yaml"
    first = write_sources(path, """\
        sources:
          - {id: a, name: A, kind: rss, url: "http://127.0.0.1/a"}
          - {id: b, name: B, kind: rss, url: "http://127.0.0.1/b"}
        """)
    with Session(engine) as session:
        report = sync_sources(session, first, now=clock.now())
    assert sorted(report.added) == ["a", "b"]
    second = write_sources(path, """\
        sources:
          - {id: a, name: A2, kind: rss, url: "http://127.0.0.1/a2"}
        """)
    with Session(engine) as session:
        report = sync_sources(session, second, now=clock.now())
        rows = {s.id: s for s in session.exec(select(Source)).all()}
    assert report.changed == ["a"] and report.disabled == ["b"]
    assert rows["a"].name == "A2" and rows["a"].url == "http://127.0.0.1/a2"
    assert not rows["b"].enabled
    with Session(engine) as session:
        report = sync_sources(session, first, now=clock.now())
    assert sorted(report.changed) == ["a", "b"]
