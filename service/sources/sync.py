"""Keeps the sources table in step with sources.yaml (the file is the truth for configuration)."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from service.models import Source
from service.sources.schema import SourcesFile


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)


def sync_sources(session: Session, sources_file: SourcesFile, *, now: datetime) -> SyncReport:
    """Insert new sources, update edited ones, disable those no longer in the file.

    A removed source is disabled, not deleted, so its items and history stay.
    """
    report = SyncReport()
    existing = {s.id: s for s in session.exec(select(Source)).all()}
    wanted = {c.id: c for c in sources_file.resolved()}
    for source_id, config in wanted.items():
        fingerprint = config.fingerprint()
        row = existing.get(source_id)
        fields = {
            "name": config.name, "kind": config.kind.value, "url": str(config.url),
            "enabled": config.enabled, "tier": config.tier.value, "region": config.region,
            "tags": list(config.tags), "config": config.model_dump(mode="json"),
            "config_hash": fingerprint,
        }
        if row is None:
            session.add(Source(id=source_id, created_at=now, updated_at=now, next_check_at=now,
                               **fields))
            report.added.append(source_id)
        elif row.config_hash != fingerprint or row.enabled != config.enabled:
            if row.url != fields["url"]:
                row.etag = row.last_modified = None
                row.next_check_at = now
            if fields["enabled"] and not row.enabled:
                row.next_check_at = now
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = now
            report.changed.append(source_id)
    for source_id, row in existing.items():
        if source_id not in wanted and row.enabled:
            row.enabled = False
            row.updated_at = now
            report.disabled.append(source_id)
    session.commit()
    return report
