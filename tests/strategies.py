"""Hypothesis strategies: JSON-like input for any regulation, generated from its input types."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from regelwerk.ir import types as t


def amounts(whole: bool = False) -> st.SearchStrategy[str | int]:
    if whole:
        return st.integers(min_value=0, max_value=50)
    return st.decimals(min_value=Decimal("-1000"), max_value=Decimal("100000"), places=2,
                       allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f"))


def value_for(type_: t.Type) -> st.SearchStrategy[Any]:
    if isinstance(type_, t.NumberType):
        if type_.percent:
            return st.decimals(min_value=0, max_value=200, places=2).map(lambda d: f"{d}%")
        return amounts(type_.whole)
    if isinstance(type_, t.BooleanType):
        return st.booleans()
    if isinstance(type_, t.DateType):
        return st.dates(datetime.date(1930, 1, 1), datetime.date(2030, 12, 31)).map(
            lambda d: d.isoformat())
    if isinstance(type_, t.ChoiceType):
        return st.sampled_from(type_.values)
    if isinstance(type_, t.RecordType):
        defaults = dict(type_.defaults)  # a field with a default may be left out
        return st.fixed_dictionaries(
            {name: value_for(field) for name, field in type_.fields if name not in defaults},
            optional={name: value_for(field) for name, field in type_.fields if name in defaults})
    if isinstance(type_, t.ListType):
        # small households often: an `eis` such as "precies één aanvrager" then holds more often
        return st.one_of(st.lists(value_for(type_.element), min_size=1, max_size=2),
                         st.lists(value_for(type_.element), max_size=5))
    raise NotImplementedError(type_)


def inputs_for(fields: dict[str, t.Type]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({name: value_for(type_) for name, type_ in fields.items()})


# ------------------------------------------------------------------ input with one mistake

UNKNOWN_KEY = "§onbekend§"  # never a name in a rule file


def invalid_inputs_for(fields: dict[str, t.Type]) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    """Valid input with exactly one mistake in it, and the field an InvoerFout must name."""
    return inputs_for(fields).flatmap(lambda data: _one_mistake(data, fields))


def wrong_value_for(type_: t.Type) -> st.SearchStrategy[Any]:
    """A value that is wrong for `type_`: a float for an amount, an unknown choice, a wrong shape."""
    if isinstance(type_, t.NumberType):
        wrong: list[Any] = [1.5, 0.1, -2.25, "1.000,50", "€ 5", True, None, [], {}]
        if type_.whole:
            wrong.append("2.5")
        if type_.percent:
            wrong += ["0,1", 5, "13.6"]
        return st.sampled_from(wrong)
    if isinstance(type_, t.BooleanType):
        return st.sampled_from(["misschien", 1, None, 0.5, "true"])
    if isinstance(type_, t.DateType):
        return st.sampled_from(["2026-13-01", "gisteren", 20260101, None, 1.5])
    if isinstance(type_, t.ChoiceType):
        return st.sampled_from(["§geen_keuze§", 1, None, [], 2.5])
    if isinstance(type_, t.RecordType):
        return st.sampled_from(["x", [], 1])
    if isinstance(type_, t.ListType):
        return st.sampled_from([{}, "x", 1, None])
    raise NotImplementedError(type_)


def _one_mistake(data: dict[str, Any], fields: dict[str, t.Type]
                 ) -> st.SearchStrategy[tuple[dict[str, Any], str]]:
    options: list[st.SearchStrategy[tuple[dict[str, Any], str]]] = [
        st.just(({**data, UNKNOWN_KEY: 1}, UNKNOWN_KEY)),
    ]
    for name, type_ in fields.items():
        rest = {k: v for k, v in data.items() if k != name}
        options.append(st.just((rest, name)))
        options.append(wrong_value_for(type_).map(lambda bad, n=name: ({**data, n: bad}, n)))
        if isinstance(type_, t.ListType) and data[name]:
            options.extend(_member_mistakes(data, name, type_.element))
    return st.one_of(options)


def _member_mistakes(data: dict[str, Any], name: str, record: t.RecordType
                     ) -> list[st.SearchStrategy[tuple[dict[str, Any], str]]]:
    """Mistakes in the first member of a list: `kinderen[0].geboortedatum`."""
    def with_member(member: dict[str, Any]) -> dict[str, Any]:
        return {**data, name: [member, *data[name][1:]]}

    first = data[name][0]
    options = [st.just((with_member({**first, UNKNOWN_KEY: 1}), f"{name}[0].{UNKNOWN_KEY}"))]
    defaults = dict(record.defaults)
    for field, field_type in record.fields:
        path = f"{name}[0].{field}"
        if field not in defaults:  # leaving out a field with a default is no mistake
            rest = {k: v for k, v in first.items() if k != field}
            options.append(st.just((with_member(rest), path)))
        options.append(wrong_value_for(field_type).map(
            lambda bad, f=field, p=path: (with_member({**first, f: bad}), p)))
    return options


# ------------------------------------------------------------------ hostile rule files (issue 18)
# Each strategy gives the text of a whole regulation with inputs x (getal) and j (ja/nee) and one
# output r. They reach past the documented limits on purpose: past them `check` must refuse with a
# code (RW009, RW402, RW306), never an internal error, a traceback or a hang.

HOSTILE_HEADER = ('regeling fuzz\n  geldig vanaf 2026-01-01\n  bron "Fuzz"\n\n'
                  "invoer x: getal   [art. 1]\ninvoer j: ja/nee   [art. 1]\n\n")
# Around an expression {}: each adds one or two levels to the syntax tree.
WRAPPERS = ["-({})", "maximum van ({}; 1)", "minimum van (1; {})", "als j dan {} anders 0",
            "als x > 1 dan 1 anders {}", "({}) + 1", "2 × ({})", "({}) / 3",
            "({}) afgerond op 2 decimalen", "(({}))"]


def _regulation(rules: str, output: str = "r") -> str:
    return HOSTILE_HEADER + rules + f"\nuitvoer {output}\n"


def deep_nesting() -> st.SearchStrategy[str]:
    """One rule nested up to a little past the RW009 limit of 100 levels."""
    plain = st.integers(0, 110).map(lambda n: "-" * n + "x")
    mixed = st.lists(st.sampled_from(WRAPPERS), max_size=110).map(
        lambda ws: _wrap("x", ws))
    long_sum = st.integers(1, 110).map(lambda n: " + ".join(["x"] * n))
    return st.one_of(plain, mixed, long_sum).map(
        lambda body: _regulation(f"regel r: getal   [art. 2]\n  = {body}\n"))


def _wrap(inner: str, wrappers: list[str]) -> str:
    for wrapper in wrappers:
        inner = wrapper.format(inner)
    return inner


def long_chains() -> st.SearchStrategy[str]:
    """Rules that each read the one before, up to a little past RW402's chain of 200."""
    steps = st.sampled_from(["{}", "{} + 1", "maximum van ({}; x)", "als j dan {} anders x",
                             "2 × {} - x"])
    return st.tuples(st.integers(1, 215), steps, st.integers(0, 40)).map(_chain)


def _chain(args: tuple[int, str, int]) -> str:
    count, step, terms = args
    rules = ["regel r0: getal   [art. 2]\n  = x\n"]
    for i in range(1, count):
        body = step.format(f"r{i - 1}") + " + x" * (terms if i % 7 == 0 else 0)
        rules.append(f"regel r{i}: getal   [art. 2]\n  = {body}\n")
    return _regulation("\n".join(rules), f"r{count - 1}")


def huge_numbers() -> st.SearchStrategy[str]:
    """Number literals with up to 60 digits before and after the comma, as amounts, counts,
    percentages and rounding steps."""
    digits = st.text("0123456789", min_size=1, max_size=60)
    number = st.tuples(digits, st.one_of(st.just(""), digits)).map(
        lambda p: p[0] + ("," + p[1] if p[1] else ""))
    forms = st.sampled_from(["{} × x", "x + {}", "x / {}", "{} % × x", "x afgerond op een veelvoud van {}",
                             "maximum van (x; {})", "als x > {} dan 1 anders 2"])
    return st.tuples(forms, number).map(
        lambda p: _regulation(f"regel r: getal   [art. 2]\n  = {p[0].format(p[1])}\n"))


LINE_BREAKING = sorted("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") + ["\x07", "\x1b", "\x7f", "\ufffe",
                                                                      "\uffff", "\t"]


def line_separators() -> st.SearchStrategy[str]:
    """Labels, references and comments holding characters that other programs take for a line
    break, control characters and noncharacters; some of them also between tokens."""
    odd = st.text(st.sampled_from(LINE_BREAKING) | st.sampled_from(list("ab #-*>=1.`|[")),
                  max_size=12)
    return st.tuples(odd, odd, odd, odd, st.sampled_from(["", " ", "\x0c", "\u2028"])).map(
        lambda p: (f'regeling fuzz\n  titel "{_quotable(p[0])}"\n  geldig vanaf 2026-01-01\n'
                   f'  bron "Fuzz"\n\n# {p[1]}\ninvoer x: getal   "{_quotable(p[2])}"   '
                   f"[art. {_referable(p[3])}]\n\nregel r: getal   [art. 2]\n  ={p[4]}x + onbekend\n"
                   "\nuitvoer r\n"))


def _quotable(text: str) -> str:
    return text.replace('"', "").replace("\\", "")


def _referable(text: str) -> str:
    return text.replace("]", "").replace("\n", "")


def many_columns() -> st.SearchStrategy[str]:
    """A decision table of up to 24 columns and 30 rows."""
    cells = st.sampled_from(["n.v.t.", "n.v.t.", "tot 5", "vanaf 5", "tot en met 3", "meer dan 7",
                             "= 2", "< 1", "vanaf 2 tot 6"])
    return st.integers(1, 24).flatmap(lambda n: st.tuples(
        st.just(n), st.lists(st.lists(cells, min_size=n, max_size=n), min_size=1, max_size=30),
        st.booleans())).map(_table)


def _table(args: tuple[int, list[list[str]], bool]) -> str:
    columns, rows, first_hit = args
    inputs = "".join(f"invoer k{i}: getal   [art. 1]\n" for i in range(columns))
    header = "| " + " | ".join(f"k{i} (getal)" for i in range(columns)) + " | uit (getal) |"
    lines = ["| " + " | ".join(row) + f" | {n} |" for n, row in enumerate(rows)]
    arguments = "; ".join(f"k{i}" for i in range(columns))
    return (HOSTILE_HEADER + inputs + "\ntabel t   [art. 2]\n" + ("  eerste treffer\n" if first_hit else "")
            + "  " + header + "\n  " + "\n  ".join(lines)
            + f"\n\nregel r: getal   [art. 3]\n  = t({arguments})\n\nuitvoer r\n")


def many_ordered_exceptions() -> st.SearchStrategy[str]:
    """Up to 1,000 `behalve als`, in order or not, some with an open `als`."""
    conditions = st.sampled_from(["x = {}", "x > {}", "j en x < {}", "niet j"])
    values = st.sampled_from(["{}", "als x > {} dan 1", "x + {}"])
    return st.tuples(st.integers(0, 1000), conditions, values, st.booleans()).map(_exceptions)


def _exceptions(args: tuple[int, str, str, bool]) -> str:
    count, condition, value, ordered = args
    lines = "".join(f"  behalve als {condition.format(i)}: {value.format(i)}   [art. 3]\n"
                    for i in range(count))
    return _regulation("regel r: getal   [art. 2]\n  = 0\n" + ("  uitzonderingen in volgorde\n"
                       if ordered else "") + lines)


def hostile_json() -> st.SearchStrategy[str]:
    """Requests for a module with inputs x (getal) and j (ja/nee): deep nesting, huge integers,
    long digit strings, odd dates for the peildatum, keys twice."""
    huge = st.integers(1, 6000).map(lambda n: "9" * n)
    values = st.one_of(
        huge, huge.map(lambda s: f'"{s}"'), huge.map(lambda s: f'"0.{s}"'),
        st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),
        st.integers(1, 3000).map(lambda n: '{"a":' * n + "1" + "}" * n),
        st.sampled_from(['"1E+999999"', '"NaN"', "1e999", "-0", '"-0.0"', "true", '"ja"', "null",
                         '"10000000000000000000000000000000000.01"']))
    days = st.sampled_from(['"2026-03-01"', '"20260301"', '"2026-W10-1"', '"2026-03-01T00:00"',
                            "20260301", '"２０２６-03-01"'])
    return st.tuples(values, values, days, st.booleans()).map(
        lambda p: '{"peildatum": ' + p[2] + ', "invoer": {"x": ' + p[0] + ', "j": ' + p[1]
        + (', "x": 1' if p[3] else "") + "}}")
