"""Monitoring schemes as analysts write them in commercial 舆情 systems.

Two forms, which may be combined in one scheme:

* groups: ``主体`` (subjects), ``地域`` (places), ``事件`` (events) — OR inside a group, AND across
  the groups that are given — and ``排除`` words, none of which may appear;
* an expression in the advanced syntax: ``+`` AND, ``|`` OR, ``!`` NOT (``A!B`` is A and not B),
  parentheses to group; AND binds tighter than OR, e.g. ``(珠海|高新区)+(火灾|爆炸)!演练``.

Terms are matched as substrings with Aho-Corasick; the terms that made a scheme match are kept
for the explanation.
"""

from dataclasses import dataclass, field

GROUP_NAMES = {"主体": "subjects", "地域": "places", "事件": "events", "排除": "excludes"}
_OPERATORS = set("+|!()")


class SchemeSyntaxError(ValueError):
    """An expression that does not parse; ``position`` is the 0-based character offset."""

    def __init__(self, message: str, position: int, expression: str):
        super().__init__(f"{message}（第 {position + 1} 个字符）")
        self.message = message
        self.position = position
        self.expression = expression


@dataclass(frozen=True)
class Term:
    text: str

    def evaluate(self, present: set[str], used: set[str]) -> bool:
        if self.text in present:
            used.add(self.text)
            return True
        return False

    def terms(self) -> set[str]:
        return {self.text}


@dataclass(frozen=True)
class Not:
    operand: object

    def evaluate(self, present: set[str], used: set[str]) -> bool:
        return not self.operand.evaluate(present, set())

    def terms(self) -> set[str]:
        return self.operand.terms()


@dataclass(frozen=True)
class And:
    operands: tuple

    def evaluate(self, present: set[str], used: set[str]) -> bool:
        local: set[str] = set()
        if all(op.evaluate(present, local) for op in self.operands):
            used |= local
            return True
        return False

    def terms(self) -> set[str]:
        return set().union(*(op.terms() for op in self.operands))


@dataclass(frozen=True)
class Or:
    operands: tuple

    def evaluate(self, present: set[str], used: set[str]) -> bool:
        hit = False
        for op in self.operands:  # no short cut: every matching alternative is evidence
            hit = op.evaluate(present, used) or hit
        return hit

    def terms(self) -> set[str]:
        return set().union(*(op.terms() for op in self.operands))


def parse_expression(expression: str):
    """The syntax tree of an advanced expression; raises SchemeSyntaxError with the position."""
    parser = _Parser(expression)
    tree = parser.parse()
    return tree


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = list(_tokens(text))
        self.index = 0

    def parse(self):
        if not self.tokens:
            raise SchemeSyntaxError("表达式为空", 0, self.text)
        tree = self._or()
        if self.index < len(self.tokens):
            kind, value, position = self.tokens[self.index]
            raise SchemeSyntaxError(f"多余的“{value}”", position, self.text)
        return tree

    def _peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def _or(self):
        operands = [self._and()]
        while (token := self._peek()) and token[1] == "|":
            self.index += 1
            operands.append(self._and())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def _and(self):
        operands = [self._unary()]
        while (token := self._peek()) and token[1] in ("+", "!"):
            self.index += 1
            operand = self._unary()
            operands.append(Not(operand) if token[1] == "!" else operand)
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def _unary(self):
        token = self._peek()
        if token is None:
            raise SchemeSyntaxError("表达式不完整，缺少关键词", len(self.text), self.text)
        kind, value, position = token
        if value == "!":
            self.index += 1
            return Not(self._unary())
        if value == "(":
            self.index += 1
            inner = self._or()
            closing = self._peek()
            if closing is None or closing[1] != ")":
                raise SchemeSyntaxError("缺少右括号“)”", position, self.text)
            self.index += 1
            return inner
        if kind == "term":
            self.index += 1
            return Term(value)
        raise SchemeSyntaxError(f"此处应为关键词，却是“{value}”", position, self.text)


def _tokens(text: str):
    position, length = 0, len(text)
    normalized = text.replace("（", "(").replace("）", ")").replace("＋", "+").replace("｜", "|")
    normalized = normalized.replace("！", "!")
    while position < length:
        char = normalized[position]
        if char.isspace():
            position += 1
        elif char in _OPERATORS:
            yield ("op", char, position)
            position += 1
        else:
            start = position
            while (position < length and normalized[position] not in _OPERATORS
                   and not normalized[position].isspace()):
                position += 1
            yield ("term", normalized[start:position], start)


@dataclass
class Scheme:
    """One monitoring scheme: groups and/or an expression, for a topic."""

    name: str
    topic: str | None = None
    subjects: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    expression: str | None = None
    enabled: bool = True

    def __post_init__(self):
        self._tree = parse_expression(self.expression) if self.expression else None
        if not (self.subjects or self.places or self.events or self._tree):
            raise ValueError(f"scheme {self.name!r} has no 主体, 地域, 事件 or expression")

    def terms(self) -> set[str]:
        """Every term the scheme mentions."""
        found = set(self.subjects) | set(self.places) | set(self.events) | set(self.excludes)
        return found | (self._tree.terms() if self._tree else set())

    def match(self, present: set[str]) -> list[str] | None:
        """The terms that made the scheme match, or None when it does not match."""
        if any(term in present for term in self.excludes):
            return None
        used: set[str] = set()
        for group in (self.subjects, self.places, self.events):
            if group:
                hits = [t for t in group if t in present]
                if not hits:
                    return None
                used.update(hits)
        if self._tree is not None and not self._tree.evaluate(present, used):
            return None
        return sorted(used)


def load_schemes(path) -> list[Scheme]:
    """Schemes of a YAML file (``schemes:`` list with 主体/地域/事件/排除 or ``expression``)."""
    from ruamel.yaml import YAML

    with open(path, encoding="utf-8") as handle:
        document = YAML(typ="safe").load(handle) or {}
    return [scheme_from_dict(entry) for entry in document.get("schemes", [])]


def scheme_from_dict(entry: dict) -> Scheme:
    """A scheme from its YAML or JSON form; group keys may be Chinese or English."""
    fields = {"name": entry["name"], "topic": entry.get("topic"),
              "expression": entry.get("expression"), "enabled": entry.get("enabled", True)}
    for chinese, english in GROUP_NAMES.items():
        fields[english] = list(entry.get(chinese) or entry.get(english) or [])
    return Scheme(**fields)


class SchemeMatcher:
    """Schemes matched against the terms found in a text, in order, as the analyzer uses them.

    A scheme reads only its own terms, so when none of them is present its answer is the one
    it gives for no terms at all, worked out once here.
    """

    def __init__(self, schemes: list[Scheme]):
        self._schemes = [(s, frozenset(s.terms()), s.match(set())) for s in schemes]
        self._unprompted = self._match(set())
        self._no_topics: dict[str, list[str]] = {}
        # no term present adds no topic evidence (schemes of only 排除 or ! could)
        self.silent_without_terms = not self._unprompted[1]

    def match(self, present: set[str]) -> tuple[list[str], dict[str, list[str]]]:
        """``scheme:<name>`` rules of the matching schemes (a new list), and the terms they add
        per topic (not to be changed: it may be shared)."""
        if not present:
            rules, topics = self._unprompted
            return list(rules), topics or self._no_topics
        rules, topics = self._match(present)
        return rules, topics or self._no_topics

    def _match(self, present: set[str]) -> tuple[list[str], dict[str, list[str]]]:
        rules: list[str] = []
        topics: dict[str, list[str]] = {}
        for scheme, terms, unprompted in self._schemes:
            used = unprompted if present.isdisjoint(terms) else scheme.match(present)
            if used is not None:
                rules.append(f"scheme:{scheme.name}")
                if scheme.topic:
                    topics.setdefault(scheme.topic, []).extend(used)
        return rules, topics
