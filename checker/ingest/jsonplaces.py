"""Where each key of a JSON article is written, and any key written twice.

`json.loads` keeps the last of two equal keys and forgets where anything was
written; an article's metadata errors name `file:line:col` as YAML's do. The
text is valid JSON already (json.loads read it), so a scan of its strings and
brackets is enough: numbers, true, false and null hold none of them.
"""

from __future__ import annotations

import re

from checker.yamlio import LoadedYaml, PathKey

_TOKEN_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]', re.S)


def _unquoted(token: str) -> str:
    import json

    return json.loads(token)


def json_places(raw: str, path: str) -> LoadedYaml:
    """The positions of the keys of a JSON text (by their path, as LoadedYaml gives a YAML
    file's), and its duplicated keys."""
    places = LoadedYaml(path=path, data=None)
    line, line_start, counted = 1, 0, 0
    # Each open container: [its path, is an object, the next item's index, keys seen, awaiting a key]
    stack: list[list] = []
    last_key: str | None = None
    for match in _TOKEN_RE.finditer(raw):
        token, at = match.group(), match.start()
        newlines = raw.count("\n", counted, at)
        if newlines:
            line += newlines
            line_start = raw.rfind("\n", counted, at) + 1
        counted = at
        top = stack[-1] if stack else None
        if token in "{[" and len(token) == 1:
            if top is None:
                child: PathKey = ()
            elif top[1]:
                child = top[0] + (last_key,)
            else:
                child = top[0] + (top[2],)
            stack.append([child, token == "{", 0, {}, token == "{"])
        elif token in "}]" and len(token) == 1:
            stack.pop()
        elif token == ",":
            if top is not None:
                top[2] += 1
                top[4] = top[1]
        elif token == ":":
            if top is not None:
                top[4] = False
        elif top is not None and top[1] and top[4]:  # a key
            key = _unquoted(token)
            where = (line, at - line_start + 1)
            key_path = top[0] + (key,)
            if key in top[3] and key_path not in places.duplicates:
                places.duplicates[key_path] = (top[3][key], where)
            top[3].setdefault(key, where)
            places.keys[key_path] = places.values[key_path] = where
            last_key = key
    return places
