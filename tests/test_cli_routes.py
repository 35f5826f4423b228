"""`yuqing routes test`: recipients, deadlines and reasons; exit codes 0, 1 and 2."""

import json
from pathlib import Path

from typer.testing import CliRunner

from service.cli import app
from tests.test_routing_config import MINIMAL, write_routing

REPO = Path(__file__).resolve().parent.parent


def invoke(*args: str, env: dict | None = None):
    env = {"COLUMNS": "200", **(env or {})}
    return CliRunner().invoke(app, ["routes", "test", *args], env=env, catch_exceptions=False)


def test_prints_recipients_deadlines_level_and_reasons(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path)
    result = invoke("--routing", str(path), "--topic", "fire", "--level", "blue",
                    "--at", "2026-10-01T09:30")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "特别重大" not in out and "较大 yellow (raised from 一般 blue" in out
    assert "heightened:国庆节 +1" in out
    assert "防灾减灾科值班 (fire-duty)" in out and "mail/email → fire@example.gov.cn" in out
    assert "副局长甲 (ideo)" in out and "bot/dingtalk → 13800000002" in out
    assert "签收 ack" in out and "900" in out and "2026-10-01 09:45:00" in out
    assert "书面报告 report" in out and "2026-10-01 10:00:00" in out
    for line in ("topic:fire→fire_prevention", "level:yellow→chain stepwise",
                 "rule:yellow-ideology", "heightened:国庆节"):
        assert f"  {line}\n" in out


def test_json_output_is_the_decision(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path)
    result = invoke("--routing", str(path), "--topic", "mass_incident", "--level", "orange",
                    "--at", "2026-03-10T10:00:00+08:00", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "orange" and data["division"] == "office"
    assert [r["person"] for r in data["steps"][0]["recipients"]] == [
        "office-duty", "ideo", "boss"]
    assert {d["name"]: d["seconds"] for d in data["deadlines"]} == {
        "ack": 900, "report": 2100, "respond": 18000}


def test_default_file_comes_from_yq_routing(tmp_path):
    path = tmp_path / "elsewhere.yaml"
    write_routing(path)
    result = invoke("--kind", "source_down", "--source", "mem-news", env={"YQ_ROUTING": str(path)})
    assert result.exit_code == 0, result.output
    assert "值班员 (duty)" in result.output
    assert "kind:source_down→chain duty_officer" in result.output


def test_exit_1_when_nothing_is_routed(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path)
    no_level = invoke("--routing", str(path), "--topic", "fire")
    assert no_level.exit_code == 1 and "routes nothing" in no_level.output
    silent = tmp_path / "silent.yaml"
    text = MINIMAL.replace("channels: [{channel: mail, to: duty@example.gov.cn}]", "channels: []")
    write_routing(silent, text)
    partly = invoke("--routing", str(silent), "--topic", "flood_drought", "--level", "blue")
    assert partly.exit_code == 0  # the principal is reached at the last step
    source_down = invoke("--routing", str(silent), "--kind", "source_down")
    assert source_down.exit_code == 1 and "no channel" in source_down.output


def test_exit_1_when_silenced(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path, MINIMAL + "silences:\n  - {name: drill, match: {topic: fire}, "
                  "starts_at: 2026-06-16 09:00, ends_at: 2026-06-16 12:00, created_by: duty}\n")
    result = invoke("--routing", str(path), "--topic", "fire", "--level", "red",
                    "--at", "2026-06-16T10:00")
    assert result.exit_code == 1 and "silenced" in result.output and "drill" in result.output
    after = invoke("--routing", str(path), "--topic", "fire", "--level", "red",
                   "--at", "2026-06-16T12:00")
    assert after.exit_code == 0, after.output


def test_exit_2_on_a_config_error_naming_file_line_and_field(tmp_path):
    path = tmp_path / "routing.yaml"
    path.write_text(MINIMAL.replace("principal: boss", "principal: nobody"), encoding="utf-8")
    result = invoke("--routing", str(path), "--topic", "fire", "--level", "blue")
    assert result.exit_code == 2
    assert f"{path}:10: roles.principal: unknown person 'nobody'" in result.output


def test_exit_2_on_bad_options(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path)
    assert invoke("--routing", str(path), "--level", "purple").exit_code == 2
    assert invoke("--routing", str(path), "--topic", "arson", "--level", "red").exit_code == 2
    assert invoke("--routing", str(path), "--level", "red", "--at", "tomorrow").exit_code == 2


def test_warns_when_the_holiday_data_ends(tmp_path):
    path = tmp_path / "routing.yaml"
    write_routing(path)
    result = invoke("--routing", str(path), "--topic", "fire", "--level", "blue",
                    "--at", "2027-02-20T10:00")
    assert result.exit_code == 0
    assert "chinese-calendar 无 2027 年法定节假日数据" in result.output
    assert "heightened:元宵节" in result.output


def test_shipped_routing_yaml(tmp_path):
    result = invoke("--routing", str(REPO / "routing.yaml"), "--topic", "hazardous_chemicals",
                    "--level", "orange", "--locality", "jurisdiction", "--at", "2026-03-10T10:00")
    assert result.exit_code == 0, result.output
    assert "危险化学品监管科 (hazchem)" in result.output and "(disabled 未启用)" in result.output
