"""Places named in a text, from a gazetteer with containment, and where they are for the bureau.

Locality is ``jurisdiction`` (inside the bureau's area), ``nearby`` (the rest of the city and
its neighbours), ``elsewhere`` or ``unknown``. An alias flagged ambiguous in the gazetteer (高新区,
中山, 红旗 ...) counts only when its city is named too or no place outside that city is named.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import ahocorasick

from classifiers.batchscan import BatchScanner

# characters that may stand right before a place name without being part of another name
_BEFORE_PLACE = set("在于从到至、，。；：:,.的和及与是为对据近位由向往赴原全本我该市区镇省县")


def _glued_to_unknown_name(text: str, start: int) -> bool:
    """The alias follows a Chinese character that is not a separator (part of a longer name)."""
    if start == 0:
        return False
    before = text[start - 1]
    return "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_PLACE


class Locality(StrEnum):
    jurisdiction = "jurisdiction"
    nearby = "nearby"
    elsewhere = "elsewhere"
    unknown = "unknown"


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    parent: str | None
    ambiguous: bool = False


@dataclass
class PlaceMatch:
    places: list[str] = field(default_factory=list)
    locality: Locality = Locality.unknown
    terms: list[str] = field(default_factory=list)


NO_PLACES = PlaceMatch()


class Gazetteer:
    """Place names with their parents, matched with one Aho-Corasick pass."""

    def __init__(self, places: dict[str, Place], aliases: dict[str, str], *,
                 jurisdiction: str = "珠海高新区",
                 nearby: tuple[str, ...] = ("珠海市", "中山市", "澳门")):
        self.places = places
        self.jurisdiction = jurisdiction
        self.nearby = nearby
        self._aliases = dict(aliases)
        self._depths = {name: len(self.ancestors(name)) for name in places}
        self._automaton = ahocorasick.Automaton()
        for alias, name in aliases.items():
            self._automaton.add_word(alias, (alias, name))
        self._automaton.make_automaton()
        self._scanner = BatchScanner(aliases)

    @classmethod
    def load(cls, path: Path, **kwargs) -> "Gazetteer":
        """Read a gazetteer TSV: name, level, parent, aliases, flags."""
        places: dict[str, Place] = {}
        aliases: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = (line.split("\t") + ["", "", "", ""])[:5]
            name, level, parent, alias_cell, flags = (c.strip() for c in cells)
            places[name] = Place(name, level, parent or None, "ambiguous" in flags)
            aliases[name] = name
            for alias in filter(None, (a.strip() for a in alias_cell.split(","))):
                aliases.setdefault(alias, name)
        return cls(places, aliases, **kwargs)

    def most_specific(self, names: list[str]) -> str | None:
        """The deepest of the named places (a town before its district); the first on a tie."""
        best, best_depth = None, -1
        for name in names:  # one pass, no list.index per name
            depth = self._depths.get(name) or len(self.ancestors(name))
            if depth > best_depth:
                best, best_depth = name, depth
        return best

    def aliases(self) -> list[str]:
        """Every name and alias the gazetteer knows."""
        return list(self._aliases)

    def ancestors(self, name: str) -> list[str]:
        """The place and every place containing it, innermost first."""
        chain = []
        while name and name not in chain:
            chain.append(name)
            name = self.places[name].parent if name in self.places else None
        return chain

    def find(self, text: str) -> PlaceMatch:
        """The places a text names (first mention first) and its locality for the bureau."""
        return self._match(text, self._automaton.iter_long(text))

    def find_many(self, texts: list[str]) -> list[PlaceMatch]:
        """``find`` of each text, with one search over the batch (``batchscan``); the texts
        naming no place share one empty result (``NO_PLACES``, not to be changed)."""
        results = [NO_PLACES] * len(texts)
        for doc, matches in self._scanner.matches(self._automaton.iter_long, texts).items():
            results[doc] = self._match(texts[doc], matches)
        return results

    def _match(self, text: str, matches) -> PlaceMatch:
        found: dict[str, str] = {}
        for end, (alias, name) in matches:
            start = end - len(alias) + 1
            if self.places[name].ambiguous and _glued_to_unknown_name(text, start):
                continue  # 成都高新区: another city's 高新区
            found.setdefault(name, alias)
        if not found:
            return PlaceMatch()
        names = [n for n in found if self._keep(n, found)]
        match = PlaceMatch(places=names, terms=[found[n] for n in names])
        match.locality = self._locality(names)
        return match

    def _keep(self, name: str, found: dict[str, str]) -> bool:
        place = self.places[name]
        if not place.ambiguous:
            return True
        city = next((a for a in self.ancestors(name) if self.places[a].level == "city"), None)
        if city and city != name and city in found:
            return True
        others = [n for n in found if n != name and not self.places[n].ambiguous
                  and self.places[n].level not in ("country", "province")]
        return not others or all(city in self.ancestors(o) for o in others)

    def _locality(self, names: list[str]) -> Locality:
        if not names:
            return Locality.unknown
        chains = [self.ancestors(n) for n in names]
        if any(self.jurisdiction in chain for chain in chains):
            return Locality.jurisdiction
        if any(near in chain for chain in chains for near in self.nearby):
            return Locality.nearby
        specific = [c for c in chains if self.places[c[0]].level not in ("country",)]
        return Locality.elsewhere if specific else Locality.unknown
