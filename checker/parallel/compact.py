"""Models as plain tuples, for crossing between processes.

Pickling a pydantic model costs about a hundred microseconds; a tuple of its
field values (nested models as tuples too) costs a few. The shape is read
from each model's own fields, so a field added to a model travels with it.
Values are trusted on the way back (`model_construct`): they were made by the
same models in another process, already validated.
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

# How a field's value is packed: as is, one nested model, or a list of them.
PLAIN, MODEL, MODELS = 0, 1, 2


def _nested(annotation: Any) -> tuple[int, type[BaseModel] | None]:
    """PLAIN, MODEL or MODELS for an annotation such as `X`, `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return MODEL, annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if len(models) == 1:
            return MODEL, models[0]
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return MODELS, args[0]
    return PLAIN, None


@cache
def _shape(model: type[BaseModel]) -> tuple[tuple[str, int, type[BaseModel] | None], ...]:
    return tuple((name, *_nested(field.annotation)) for name, field in model.model_fields.items())


def pack(value: BaseModel) -> tuple:
    """The model's field values in field order, nested models packed too."""
    out = []
    for name, kind, _ in _shape(type(value)):
        item = getattr(value, name)
        if item is not None and kind == MODEL:
            item = pack(item)
        elif kind == MODELS:
            item = [pack(v) for v in item]
        out.append(item)
    return tuple(out)


def unpack(model: type[M], packed: tuple) -> M:
    """The model `pack` packed, built without validating again."""
    values: dict[str, Any] = {}
    for (name, kind, inner), item in zip(_shape(model), packed):
        if item is not None and kind == MODEL:
            item = unpack(inner, item)
        elif kind == MODELS:
            item = [unpack(inner, v) for v in item]
        values[name] = item
    return model.model_construct(**values)
