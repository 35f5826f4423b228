"""Claiming due sources: never the same source twice at once, on SQLite and PostgreSQL."""

import threading
from datetime import timedelta

from sqlmodel import Session

from service.collect.store import claim_sources
from tests.conftest import install_sources


def many_sources(count: int) -> str:
    lines = [f"  - {{id: s{n}, name: S{n}, kind: rss, url: 'http://127.0.0.1:9/{n}'}}"
             for n in range(count)]
    return "sources:\n" + "\n".join(lines) + "\n"


def test_two_instances_claim_disjoint_sets(engine, settings, clock):
    install_sources(engine, settings, clock, many_sources(120))
    claimed: list[list[str]] = [[], []]
    start = threading.Barrier(2)

    def instance(index: int) -> None:
        start.wait()
        for _ in range(6):
            with Session(engine) as session:
                batch = claim_sources(session, now=clock.now(), limit=20)
            claimed[index] += [s.id for s in batch]

    threads = [threading.Thread(target=instance, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(claimed[0]).isdisjoint(claimed[1])
    assert sorted(claimed[0] + claimed[1]) == sorted(f"s{n}" for n in range(120))


def test_claim_sets_the_next_check_before_fetching(engine, settings, clock):
    install_sources(engine, settings, clock, many_sources(3))
    with Session(engine) as session:
        assert len(claim_sources(session, now=clock.now(), limit=10)) == 3
    with Session(engine) as session:
        assert claim_sources(session, now=clock.now(), limit=10) == []
        # the lease runs out: a crashed instance's sources come back
        later = clock.now() + timedelta(minutes=6)
        assert len(claim_sources(session, now=later, limit=10)) == 3
        forced = claim_sources(session, now=later, limit=10, force=True, source_ids=["s1"])
        assert [s.id for s in forced] == ["s1"]
