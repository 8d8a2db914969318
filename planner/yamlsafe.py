"""YAML for untrusted scenario files: bounded size, nesting and alias expansion; duplicate keys found.

PyYAML's ``safe_load`` builds a 1 KB "billion laughs" file (9 levels of 9 aliases) as shared objects, but
anything that walks the result (key lines, error messages, JSON) expands it to 9**9 nodes; 5,000 nested
brackets overflow Python's stack; an impossible date (``2024-02-30``) raises a bare ``ValueError``. This
loader composes the node graph once with budgets (:data:`planner.schema.BOUNDS` ``yaml_values``), refuses
recursive aliases, constructs out-of-range dates and over-long integers as plain text (so the scenario
parser reports them at their key), and lists duplicate keys with both lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent

from planner.messages import Msg, msg
from planner.schema import BOUNDS

#: Largest scenario text, characters.
MAX_YAML_CHARS = 2_000_000
#: Deepest nesting of mappings and lists (a scenario needs 5).
MAX_YAML_DEPTH = 40
#: Most values (nodes) once aliases are expanded.
MAX_YAML_VALUES = int(BOUNDS["yaml_values"].high)


class YamlRefused(yaml.YAMLError):
    """A file refused before it is built: too large, too deep, or with a recursive alias."""

    def __init__(self, line: int | None, message: Msg) -> None:
        super().__init__(str(message))
        self.line = line
        self.message = message


@dataclass
class YamlDocument:
    """The data of a YAML text, the 1-based line of every key path, and its duplicate keys."""

    data: Any
    lines: dict[str, int] = field(default_factory=dict)
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # (key path, first line, repeat line)


class _Constructor(SafeConstructor):
    """Safe constructor whose impossible dates and over-long integers stay text (reported by the parser)."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_int(node)
        except (ValueError, OverflowError):  # more than Python's 4,300 digits
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
              _Constructor, yaml.resolver.Resolver):
    """SafeLoader with a depth cap and a budget of expanded values, counted while composing."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Constructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)
        self.depth = 0
        self.expanded = 0
        self.sizes: dict[int, int] = {}  # id(node) -> values it stands for, aliases expanded

    def _charge(self, count: int, mark: yaml.Mark) -> None:
        self.expanded += count
        if self.expanded > MAX_YAML_VALUES:
            why = msg("yaml.values", n=f"{MAX_YAML_VALUES:,}", sites=int(BOUNDS["sites"].high))
            raise YamlRefused(mark.line + 1, why)

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401
        if self.check_event(AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:
                size = self.sizes.get(id(node))
                if size is None:
                    raise YamlRefused(event.start_mark.line + 1, msg("yaml.recursive", anchor=event.anchor))
                self._charge(size, event.start_mark)
            return super().compose_node(parent, index)
        self.depth += 1
        if self.depth > MAX_YAML_DEPTH:
            mark = self.peek_event().start_mark
            raise YamlRefused(mark.line + 1, msg("yaml.depth", depth=MAX_YAML_DEPTH))
        try:
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        self.sizes[id(node)] = 1 + sum(self.sizes.get(id(child), 1) for child in _children(node))
        self._charge(1, node.start_mark)
        return node


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def load_yaml(text: str) -> YamlDocument:
    """Compose and construct ``text`` within the budgets; raise :class:`YamlRefused` or ``yaml.YAMLError``."""
    if len(text) > MAX_YAML_CHARS:
        raise YamlRefused(None, msg("yaml.size", size=f"{len(text) / 1e6:.1f}", most=f"{MAX_YAML_CHARS / 1e6:g}"))
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return YamlDocument(None)
        doc = YamlDocument(None)
        _walk(root, "", doc, set())
        doc.data = loader.construct_document(root)
        return doc
    except RecursionError:
        raise YamlRefused(None, msg("yaml.depth", depth=MAX_YAML_DEPTH)) from None
    finally:
        loader.dispose()


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _walk(node: yaml.Node, path: str, doc: YamlDocument, seen: set[int]) -> None:
    """Key lines and duplicate keys; a node reached again through an alias is not entered again."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[tuple[str, str], int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                ident = (key.tag, key.value)
                if ident in first:
                    doc.duplicates.append((_join(path, key.value), first[ident], line))
                first.setdefault(ident, line)
            sub = _join(path, str(key.value) if isinstance(key, yaml.ScalarNode) else "?")
            doc.lines[sub] = doc.lines[sub + "#key"] = line  # the last of duplicate keys is the one kept
            _walk(value, sub, doc, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            doc.lines.setdefault(f"{path}[{i}]", value.start_mark.line + 1)
            _walk(value, f"{path}[{i}]", doc, seen)
