"""A change of a stored record's shape must come with a ``data_version`` bump.

Sphinx keeps each domain's data in the pickled environment and discards it when the domain's
``data_version`` changes. A record whose fields change while the version stays the same would
be unpickled into the new code: every user's incremental build breaks while CI (which builds
fresh) stays green. ``record_shapes.json`` holds each domain's version and the shape of its
records at that version; when you change a record, bump the version and update the file
(the failure message prints the new entry).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path

import pytest
from fieldnotes.glossary import records as glossary_records
from fieldnotes.glossary.domain import GlossaryDomain
from fieldnotes.talks import records as talk_records
from fieldnotes.talks.domain import TalksDomain

SHAPES = Path(__file__).with_name("record_shapes.json")
DOMAINS = {
    "talks": (TalksDomain, talk_records),
    "fieldnotes-glossary": (GlossaryDomain, glossary_records),
}


def type_name(hint: object) -> str:
    return hint.__name__ if isinstance(hint, type) else str(hint)


def shape(module: object) -> dict[str, list[str]]:
    """Every dataclass of *module*: ``"name: type"`` of its fields, in order."""
    result = {}
    for name, cls in sorted(vars(module).items()):
        if dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__:
            hints = typing.get_type_hints(cls)
            result[name] = [f"{f.name}: {type_name(hints[f.name])}" for f in dataclasses.fields(cls)]
    return result


def current() -> dict[str, dict]:
    return {
        name: {"data_version": domain.data_version, "records": shape(module)}
        for name, (domain, module) in DOMAINS.items()
    }


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_record_shape_changes_bump_data_version(name: str) -> None:
    recorded = json.loads(SHAPES.read_text(encoding="utf-8"))[name]
    now = current()[name]
    hint = f"update tests/record_shapes.json with:\n{json.dumps({name: now}, indent=2)}"
    assert now["data_version"] >= recorded["data_version"], hint
    if now["data_version"] == recorded["data_version"]:
        assert now["records"] == recorded["records"], (
            f"records of {name!r} changed: bump data_version, {hint}"
        )
    else:
        pytest.fail(f"data_version of {name!r} was bumped: {hint}")


def test_records_are_frozen_and_picklable() -> None:
    import pickle

    for _domain, module in DOMAINS.values():
        for name in shape(module):
            cls = getattr(module, name)
            assert cls.__dataclass_params__.frozen, f"{name} is not frozen"
            fields = {f.name: _sample(f.type) for f in dataclasses.fields(cls)}
            record = cls(**fields)
            assert pickle.loads(pickle.dumps(record)) == record


def _sample(annotation: str) -> object:
    return {"str": "x", "int": 1, "bool": True}.get(annotation, ())
