"""Safe YAML loading that remembers where every value came from.

Rule files are written by hand, so an error must point at `file:line:col`.
PyYAML's composer keeps marks on every node; we walk that tree once to record
the position of each key and value by its path. Aliases are refused outright:
editors do not need them, and they are how a "billion laughs" file explodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.errors import RuleError

MAX_YAML_BYTES = 2_000_000

PathKey = tuple[Any, ...]


@dataclass
class LoadedYaml:
    """The data of one YAML file, and where each part of it stands."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """The (line, column) of the value at `path`, or of its nearest parent."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def error(self, path: PathKey, message: str, *, key: bool = False) -> RuleError:
        line, column = self.where(path, key=key)
        return RuleError(message, self.path, line, column)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _record(node: yaml.Node, path: PathKey, out: LoadedYaml) -> None:
    out.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out.keys[path + (key,)] = _mark(key_node)
            _record(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record(item, path + (i,), out)


# libyaml's parser where PyYAML was built with it; the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, path: str) -> None:
    """Stop at the first alias; only text holding a "*" can have one."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            raise RuleError("YAML aliases (*name) are not allowed in rule files",
                            path, line, column)


def parse_yaml(text: str, path: str | Path) -> LoadedYaml:
    """Parse YAML text safely, once; raise RuleError with a position on any problem."""
    path = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise RuleError(f"file is larger than {MAX_YAML_BYTES} bytes; refusing to read it", path)
    try:
        _refuse_aliases(text, path)
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(f"invalid YAML: {problem}", path, line, column) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", path) from None
    loaded = LoadedYaml(path=path, data=data)
    if node is not None:
        _record(node, (), loaded)
    return loaded


def load_yaml(path: str | Path) -> LoadedYaml:
    """Read and parse a YAML file (UTF-8), refusing oversized files before reading.

    A file is parsed once per run (the same file, unchanged, gives the same
    object): the text layer and the lexicons both read common/script.yaml.
    Callers treat what they get as read-only.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise RuleError(f"cannot read file: {exc.strerror}", path) from None
    return _load_yaml(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _load_yaml(path: Path, mtime_ns: int, size: int) -> LoadedYaml:
    if size > MAX_YAML_BYTES:
        raise RuleError(f"file is larger than {MAX_YAML_BYTES} bytes; refusing to read it", path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"not valid UTF-8 (byte {exc.start})", path) from None
    except OSError as exc:
        raise RuleError(f"cannot read file: {exc.strerror}", path) from None
    return parse_yaml(text, path)
