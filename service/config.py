"""Settings: the only reader of the environment (prefix ``YQ_``)."""

import secrets
from functools import cached_property
from ipaddress import ip_network
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from service import __version__

DEFAULT_USER_AGENT = (
    f"YuqingSentinel/{__version__} (public-opinion monitoring for an emergency-management bureau)"
)


class Settings(BaseSettings):
    """Every setting of the service; each one is documented in README.md."""

    model_config = SettingsConfigDict(env_prefix="YQ_", extra="ignore")

    database_url: str = "sqlite:///./var/yuqing.db"
    sources: Path = Path("./sources.yaml")
    routing: Path = Path("./routing.yaml")
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str | None = None
    data_dir: Path = Path("./var")
    test_database_url: str | None = None

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)
    log_level: str = "INFO"
    metrics_allowed_networks: str = "127.0.0.0/8,::1/128"

    collect_tick_seconds: float = Field(60.0, gt=0)
    collect_batch_size: int = Field(500, ge=1)
    fetch_concurrency: int = Field(64, ge=1)
    fetch_per_host: int = Field(2, ge=1)
    fetch_timeout_seconds: float = Field(20.0, gt=0)
    fetch_connect_timeout_seconds: float = Field(10.0, gt=0)
    fetch_max_bytes: int = Field(15 * 1024 * 1024, ge=1024)
    fetch_max_redirects: int = Field(5, ge=0, le=20)
    user_agent: str = DEFAULT_USER_AGENT
    contact: str = ""
    item_page_delay_seconds: float = Field(5.0, ge=0)
    item_pages_per_fetch: int = Field(10, ge=0)
    source_down_after_failures: int = Field(5, ge=1)
    max_backoff_hours: float = Field(24.0, gt=0)
    unconditional_refetch_hours: float = Field(12.0, gt=0)

    model_dir: Path | None = None
    analysis_tick_seconds: float = Field(30.0, gt=0)
    analysis_batch_size: int = Field(200, ge=1)
    escalation_tick_seconds: float = Field(10.0, gt=0)
    relay_tick_seconds: float = Field(5.0, gt=0)

    seed_corpus: Path | None = None
    jobs_tick_seconds: float = Field(5.0, gt=0)
    job_lease_seconds: float = Field(120.0, ge=5)
    job_workers: int = Field(1, ge=1, le=8)

    @field_validator("metrics_allowed_networks")
    @classmethod
    def _valid_networks(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            ip_network(part, strict=False)
        return value

    @cached_property
    def metrics_networks(self) -> list:
        """The parsed networks that may read /metrics."""
        return [
            ip_network(p.strip(), strict=False)
            for p in self.metrics_allowed_networks.split(",")
            if p.strip()
        ]

    @property
    def full_user_agent(self) -> str:
        """User-Agent header: the product, and the bureau's contact when configured."""
        return f"{self.user_agent} {self.contact}".strip() if self.contact else self.user_agent


def load_secret_key(settings: Settings) -> str:
    """The key that signs links: YQ_SECRET_KEY, else one generated once into the data folder."""
    if settings.secret_key:
        return settings.secret_key
    path = settings.data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key
