"""Safe YAML loading that remembers where every value came from.

Rule files are written by hand, so an error must point at `file:line:col`.
PyYAML's composer keeps marks on every node; we walk that tree once to record
the position of each key and value by its path. Aliases are refused outright:
editors do not need them, and they are how a "billion laughs" file explodes.
So is nesting past MAX_DEPTH, and a value its tag cannot hold (`2025-02-30`
read as a date) is an error at its own position, not a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from checker.errors import RuleError

MAX_YAML_BYTES = 2_000_000
# Rule files and front matter nest a few levels; far deeper is a mistake or an
# attack, and Python's own recursion would fail on it.
MAX_DEPTH = 100

PathKey = tuple[Any, ...]


@dataclass
class LoadedYaml:
    """The data of one YAML file, and where each part of it stands."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    # A key written twice in one mapping (the second silently wins in YAML): its path,
    # and where each was written.
    duplicates: dict[PathKey, tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def duplicate_error(self, path: PathKey, line_offset: int = 0) -> RuleError:
        """The second of two equal keys; `line_offset`: lines of the file before this YAML."""
        (first_line, _), (line, column) = self.duplicates[path]
        return RuleError(f"duplicate key '{path[-1]}' (also on line {first_line + line_offset}): write each "
                         "key once", self.path, line + line_offset, column)

    def duplicates_under(self, prefix: PathKey) -> list[PathKey]:
        """The duplicated keys at or below `prefix`, in the order they were written."""
        found = [p for p in self.duplicates if p[:len(prefix)] == prefix]
        return sorted(found, key=lambda p: self.duplicates[p][1])

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


def _record(root: yaml.Node, out: LoadedYaml) -> None:
    """The position of every key and value, walked without recursion."""
    stack: list[tuple[yaml.Node, PathKey]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            seen: dict[tuple[str, str], tuple[int, int]] = {}
            for key_node, value_node in node.value:
                key = key_node.value
                if isinstance(key_node, yaml.ScalarNode):
                    first = seen.setdefault((key_node.tag, key), _mark(key_node))
                    if first != _mark(key_node) and path + (key,) not in out.duplicates:
                        out.duplicates[path + (key,)] = (first, _mark(key_node))
                out.keys[path + (key,)] = _mark(key_node)
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (i,)) for i, item in enumerate(node.value))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node nested deeper than MAX_DEPTH, if any."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        stack.extend((child, depth + 1) for child in _children(node))
    return None


def _unreadable_scalar(root: yaml.Node) -> tuple[yaml.Node, Exception] | None:
    """The first scalar its tag cannot hold ("2025-02-30" as a date), in document order."""
    constructor = yaml.constructor.SafeConstructor()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except (ValueError, OverflowError, TypeError) as exc:
                return node, exc
            except yaml.YAMLError:
                continue
        stack.extend(reversed(_children(node)))
    return None


# libyaml's parser where PyYAML was built with it; the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _TextDatesLoader(_LOADER):  # type: ignore[misc, valid-type]
    """Reads a date as the text written, for the reader to check one value at a time."""

    yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
                               for first, resolvers in _LOADER.yaml_implicit_resolvers.items()}


def _refuse_aliases(text: str, path: str) -> None:
    """Stop at the first alias; only text holding a "*" can have one."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            raise RuleError("YAML aliases (*name) are not allowed in rule files",
                            path, line, column)


def parse_yaml(text: str, path: str | Path, *, dates: bool = True, duplicates: bool = False) -> LoadedYaml:
    """Parse YAML text safely, once; raise RuleError with a position on any problem,
    a key written twice in one mapping included.

    With dates=False, unquoted dates stay text (article metadata: a bad date
    costs its own article, not every entry of a sources.yaml). With duplicates=True,
    keys written twice are only recorded (`LoadedYaml.duplicates`), for the reader to
    say where they cost (an article's entry of a sources.yaml, not the file).
    """
    path = str(path)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise RuleError(f"file is larger than {MAX_YAML_BYTES} bytes; refusing to read it", path)
    try:
        _refuse_aliases(text, path)
        loader = (_LOADER if dates else _TextDatesLoader)(text)
        try:
            node = loader.get_single_node()
            data = _construct(loader, node, path) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(f"invalid YAML: {problem}", path, line, column) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids (a control character)
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise RuleError(f"invalid YAML: character U+{exc.character:04X} is not allowed ({exc.reason})",
                        path, line, column) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {' '.join(str(exc).split())}", path) from None
    except RecursionError:  # only the pure-Python parser recurses while composing
        raise RuleError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep", path) from None
    loaded = LoadedYaml(path=path, data=data)
    if node is not None:
        _record(node, loaded)
    if loaded.duplicates and not duplicates:
        raise loaded.duplicate_error(loaded.duplicates_under(())[0])
    return loaded


def _construct(loader: Any, node: yaml.Node, path: str) -> Any:
    """The Python data of a composed document; an error at the node that cannot be built."""
    deep = _too_deep(node)
    if deep is not None:
        line, column = _mark(deep)
        raise RuleError(f"invalid YAML: nested more than {MAX_DEPTH} levels deep", path, line, column)
    try:
        return loader.construct_document(node)
    except (ValueError, OverflowError, TypeError) as exc:
        found = _unreadable_scalar(node)
        if found is None:
            raise RuleError(f"invalid YAML: {exc}", path) from None
        bad, error = found
        line, column = _mark(bad)
        tag = bad.tag.rsplit(":", 1)[-1]
        kind = "date" if tag == "timestamp" else tag
        raise RuleError(f"invalid YAML: '{bad.value}' is not a valid {kind}: {error}",
                        path, line, column) from None


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
