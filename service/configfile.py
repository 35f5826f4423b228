"""YAML configuration files validated by pydantic, with errors that name file, line and field."""

import re
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$")
M = TypeVar("M", bound=BaseModel)
_UNIT_SECONDS = {"ms": 0.001, "s": 1, None: 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class ConfigError(Exception):
    """A configuration file that cannot be used; ``problems`` are (line, field, message)."""

    def __init__(self, path: Path | str, problems: Sequence[tuple[int | None, str, str]]):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        """One line per problem: ``file:line: field: message``."""
        lines = []
        for line, field, message in self.problems:
            where = f"{self.path}:{line}" if line else self.path
            lines.append(f"{where}: {field}: {message}" if field else f"{where}: {message}")
        return "\n".join(lines)


def parse_duration(value: Any) -> float:
    """Seconds from a number or a string such as ``90``, ``30s``, ``5m``, ``2h``, ``1d``."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or a string like 30s, 5m, 2h, 1d")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, str) and (match := _DURATION.match(value)):
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    else:
        raise ValueError(f"{value!r} is not a duration (a number of seconds, or 30s, 5m, 2h, 1d)")
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    return seconds


Duration = Annotated[float, BeforeValidator(parse_duration)]


def read_yaml(path: Path | str) -> Any:
    """The file's YAML as round-trip nodes (which remember their lines); syntax errors raise."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(path, [(None, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, [(None, "", f"not UTF-8 text ({exc.reason})")]) from None
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(path, [(line, "", f"YAML syntax error: {exc.problem}")]) from None


def line_of(root: Any, loc: Sequence[Any]) -> int | None:
    """The 1-based line of the deepest node along ``loc`` that exists in the YAML tree."""
    node, line = root, None
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedMap | CommentedSeq) and line is None:
            line = node.lc.line + 1
    return line


def format_loc(loc: Sequence[Any]) -> str:
    """A pydantic location as ``sources[3].html.list``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def load_model(
    model: type[M],
    path: Path | str,
    check: Callable[[M], list[tuple[tuple, str]]] | None = None,
) -> M:
    """Read and validate a YAML file into ``model``, or raise ConfigError naming lines and fields.

    ``check`` returns further (location, message) problems that span several entries.
    """
    root = read_yaml(path)
    if root is None:
        root = CommentedMap()
    try:
        value = model.model_validate(root)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = [p for p in error["loc"] if not _is_union_tag(p)]
            message = error["msg"].removeprefix("Value error, ")
            problems.append((line_of(root, loc), format_loc(loc), message))
        raise ConfigError(path, problems) from None
    if check and (found := check(value)):
        raise ConfigError(path, [(line_of(root, loc), format_loc(loc), msg) for loc, msg in found])
    return value


def _is_union_tag(part: Any) -> bool:
    # pydantic inserts the name of the tried type into locations of union members
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))
