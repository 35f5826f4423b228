"""The schema of sources.yaml."""

import hashlib
import json
import re
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from service.configfile import Duration, load_model

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"


class Kind(StrEnum):
    rss = "rss"
    atom = "atom"
    html = "html"


class Tier(StrEnum):
    central = "central"
    provincial = "provincial"
    municipal = "municipal"
    district = "district"
    official = "official"
    self_media = "self-media"


class HtmlSelectors(BaseModel):
    """CSS selectors that read entries off a list page (for sites without a feed)."""

    model_config = ConfigDict(extra="forbid")

    list: str = Field(description="selects one element per entry on the list page")
    title: str = Field(description="inside an entry: the title text")
    link: str = Field(description="inside an entry: the element whose href is the item URL")
    date: str | None = Field(None, description="inside an entry: the publication date text")
    summary: str | None = Field(None, description="inside an entry: a summary text")
    content: str | None = Field(
        None, description="on the item page: the article body (else extracted automatically)"
    )

    @field_validator("list", "title", "link", "date", "summary", "content")
    @classmethod
    def _valid_css(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from cssselect import GenericTranslator, SelectorError

        try:
            GenericTranslator().css_to_xpath(value)
        except SelectorError as exc:
            raise ValueError(f"invalid CSS selector {value!r}: {exc}") from None
        return value


class SourceDefaults(BaseModel):
    """Values applied to every source that does not set its own."""

    model_config = ConfigDict(extra="forbid")

    min_interval: Duration = 300
    max_interval: Duration = 3600
    tier: Tier = Tier.official
    region: str | None = None


class SourceConfig(BaseModel):
    """One watched source."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    kind: Kind
    url: HttpUrl
    enabled: bool = True
    min_interval: Duration | None = None
    max_interval: Duration | None = None
    tier: Tier | None = None
    region: str | None = None
    tags: list[str] = []
    encoding: str | None = Field(None, description="overrides every declared or detected charset")
    headers: dict[str, str] = {}
    full_text: bool = False
    html: HtmlSelectors | None = None

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: HttpUrl) -> HttpUrl:
        if value.scheme not in ("http", "https"):
            raise ValueError("URL must start with http:// or https://")
        return value

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        if value is None:
            return None
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(f"unknown encoding {value!r}") from None
        return value

    @field_validator("headers")
    @classmethod
    def _no_reserved_headers(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = {"host", "content-length", "if-none-match", "if-modified-since"}
        for name in value:
            if name.lower() in reserved:
                raise ValueError(f"header {name!r} is set by the collector")
        return value

    @model_validator(mode="after")
    def _selectors_match_kind(self) -> "SourceConfig":
        if self.kind is Kind.html and self.html is None:
            raise ValueError("kind html needs an `html` block with the list selectors")
        if self.kind is not Kind.html and self.html is not None:
            raise ValueError(f"kind {self.kind.value} does not take an `html` block")
        if (
            self.min_interval is not None
            and self.max_interval is not None
            and self.min_interval > self.max_interval
        ):
            raise ValueError("min_interval is longer than max_interval")
        return self

    def resolved(self, defaults: SourceDefaults) -> "SourceConfig":
        """This source with the file's defaults filled in."""
        update = {
            "min_interval": self.min_interval if self.min_interval is not None
            else min(defaults.min_interval, self.max_interval or defaults.min_interval),
            "max_interval": self.max_interval if self.max_interval is not None
            else max(defaults.max_interval, self.min_interval or 0),
            "tier": self.tier or defaults.tier,
            "region": self.region or defaults.region,
        }
        return self.model_copy(update=update)

    def fingerprint(self) -> str:
        """A hash of the configuration, to notice edits."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()


class SourcesFile(BaseModel):
    """The whole of sources.yaml."""

    model_config = ConfigDict(extra="forbid")

    defaults: SourceDefaults = SourceDefaults()
    sources: list[SourceConfig] = []

    def duplicates(self) -> list[tuple[tuple, str]]:
        """Sources whose id or url repeats an earlier one, as (location, message)."""
        problems: list[tuple[tuple, str]] = []
        seen_ids: set[str] = set()
        seen_urls: dict[str, str] = {}
        for index, source in enumerate(self.sources):
            if source.id in seen_ids:
                problems.append((("sources", index, "id"), f"id {source.id!r} appears twice"))
            seen_ids.add(source.id)
            url = str(source.url)
            if url in seen_urls:
                message = f"same url as source {seen_urls[url]!r}"
                problems.append((("sources", index, "url"), message))
            seen_urls.setdefault(url, source.id)
        return problems

    def resolved(self) -> list[SourceConfig]:
        """Every source with the defaults applied."""
        return [source.resolved(self.defaults) for source in self.sources]


def load_sources(path: Path | str) -> SourcesFile:
    """Read and validate sources.yaml; raises ConfigError naming file, line and field."""
    return load_model(SourcesFile, path, check=SourcesFile.duplicates)


def slugify(text: str) -> str:
    """A source id made from a title or URL."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:48] or "source"
