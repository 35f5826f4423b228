"""Settings: every one documented, defaults as the contract says, the secret key made once."""

import re
from pathlib import Path

from service.config import Settings, load_secret_key

README = Path(__file__).resolve().parent.parent / "README.md"


def documented_variables() -> set[str]:
    return set(re.findall(r"^\| `(YQ_[A-Z_]+)` \|", README.read_text(), flags=re.M))


def test_every_setting_is_documented_in_the_readme():
    variables = {f"YQ_{name.upper()}" for name in Settings.model_fields}
    assert variables - documented_variables() == set(), "undocumented settings"
    assert documented_variables() - variables == set(), "documented settings that do not exist"


def test_contract_defaults():
    settings = Settings(_env_file=None)
    assert settings.database_url == "sqlite:///./var/yuqing.db"
    assert settings.sources == Path("./sources.yaml")
    assert settings.routing == Path("./routing.yaml")
    assert settings.public_url == "http://127.0.0.1:8000"


def test_environment_is_read_with_prefix(monkeypatch):
    monkeypatch.setenv("YQ_FETCH_PER_HOST", "3")
    monkeypatch.setenv("YQ_CONTACT", "mailto:duty@example.gov.cn")
    settings = Settings()
    assert settings.fetch_per_host == 3
    assert settings.full_user_agent.endswith("mailto:duty@example.gov.cn")


def test_secret_key_is_generated_once_and_kept(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    first = load_secret_key(settings)
    assert len(first) >= 40
    assert load_secret_key(settings) == first
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o077 == 0
    assert load_secret_key(Settings(secret_key="fixed", data_dir=tmp_path)) == "fixed"
