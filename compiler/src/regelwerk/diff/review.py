"""What a reviewer must not miss: changes that reach back in time, tests whose expectation changed,
and the law text itself, word by word.

A change is *terugwerkend* when it alters the outcome on a date before the new version starts. That
start is `--ingang` when given; otherwise the last `vanaf` the old definition already had, so that
adding a value from a later date is the one change that is not retroactive. A value without a date,
a table without versions and a rule (rules have no dates) cover the whole validity window: changing
them changes every past date. The period named is the one whose outcome can differ.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from regelwerk.backends.annex import dutch
from regelwerk.backends.annex.rich import DELETED, INSERTED, Rich, Seg
from regelwerk.core import nodes as c
from regelwerk.core.formula import formula
from regelwerk.fmt.verify import shape
from regelwerk.ir import nodes as ir

if TYPE_CHECKING:  # diff.meaning reads diff.model, which holds these results
    from regelwerk.diff.meaning import Same

UNDATED = "een waarde zonder datum"
UNVERSIONED = "een tabel zonder versies"
MOVED = "een gewijzigde datum 'vanaf'"
VALUE = "een gewijzigde waarde die al gold"
EARLY = "een nieuwe waarde die ingaat vóór de ingang van de nieuwe versie"
RULE = "een regel (regels hebben geen datum)"


@attrs.frozen
class Retroactive:
    module: str | None
    name: str
    kind: str  # Parameter | Tabel | Regel
    reason: str
    start: datetime.date | None  # first day whose outcome can differ
    end: datetime.date | None  # last such day (inclusive); None: open-ended

    @property
    def period(self) -> str:
        if self.start is None and self.end is None:
            return "de hele looptijd"
        start = dutch.date(self.start) if self.start else "het begin"
        if self.end is None:
            return f"vanaf {start}"
        return f"van {start} tot en met {dutch.date(self.end)}"

    @property
    def text(self) -> str:
        where = f" (module {self.module})" if self.module else ""
        return (f"{self.kind.lower()} {dutch.humanize(self.name)}{where}: {self.reason}; "
                f"de uitkomst kan veranderen {self.period}")

    def to_json(self) -> dict[str, Any]:
        return {"naam": self.name, "module": self.module, "soort": self.kind, "reden": self.reason,
                "van": self.start.isoformat() if self.start else None,
                "tot_en_met": self.end.isoformat() if self.end else None,
                "periode": self.period}


def _segments(points: list[datetime.date], start: datetime.date,
              end: datetime.date | None) -> list[tuple[datetime.date, datetime.date | None]]:
    dates = sorted({start, *(p for p in points if p > start and (end is None or p < end))})
    return [(day, dates[i + 1] if i + 1 < len(dates) else end) for i, day in enumerate(dates)]


def _active(items: Sequence[Any], day: datetime.date) -> Any:
    found = None
    for item in sorted(items, key=lambda i: i.valid_from or datetime.date.min):
        if item.valid_from is None or item.valid_from <= day:
            found = item
    return found


def _timeline(same: Same, old: Sequence[Any], new: Sequence[Any], payload: Any,
              window: tuple[datetime.date, datetime.date | None], cutoff: datetime.date | None,
              undated: str) -> tuple[str, datetime.date | None, datetime.date | None] | None:
    """Where two dated sequences give a different payload, if that is retroactive: (reason, first
    day, last day) or None."""
    start, end = window
    points = [i.valid_from for i in (*old, *new) if i.valid_from is not None]
    changed: list[tuple[datetime.date, datetime.date | None]] = []
    for day, following in _segments(points, start, end):
        before, after = _active(old, day), _active(new, day)
        if (before is None) != (after is None) or (
                before is not None and not same(payload(before), payload(after))):
            changed.append((day, following))
    if not changed:
        return None
    first = changed[0][0]
    last_end = changed[-1][1]
    last = last_end - datetime.timedelta(days=1) if last_end is not None else None
    old_dates = [i.valid_from for i in old if i.valid_from is not None]
    if any(i.valid_from is None for i in old):
        return undated, first, last
    limit = cutoff or (max(old_dates) if old_dates else None)
    if limit is None or first > limit or (cutoff is not None and first >= cutoff):
        return None
    new_dates = {i.valid_from for i in new if i.valid_from is not None}
    if not set(old_dates) <= new_dates:
        reason = MOVED  # a `vanaf` of the old version moved or went
    elif first in new_dates - set(old_dates):
        reason = EARLY
    else:
        reason = VALUE
    return reason, first, last


def retroactive(old: c.Program, new: c.Program, same: Same,
                cutoff: datetime.date | None = None) -> tuple[Retroactive, ...]:
    window = (new.main.valid_from or datetime.date.min, new.main.valid_until)
    found: list[Retroactive] = []
    pairs: list[tuple[str | None, c.Module, c.Module]] = [(None, old.main, new.main)]
    pairs += [(name, old.modules[name], new.modules[name])
              for name in sorted(set(old.modules) & set(new.modules)) if name != new.main.name]
    for label, before, after in pairs:
        for definition in after.definitions:
            previous = before.definition(definition.name)
            if previous is None or type(previous) is not type(definition):
                continue
            outcome = None
            if isinstance(definition, c.Parameter) and isinstance(previous, c.Parameter):
                outcome = _timeline(same, previous.values, definition.values,
                                    lambda v: (v.value, v.unknown), window, cutoff, UNDATED)
                kind = "Parameter"
            elif isinstance(definition, c.Table) and isinstance(previous, c.Table):
                outcome = _timeline(same, previous.versions, definition.versions,
                                    lambda v: (v.rows, v.unknown), window, cutoff, UNVERSIONED)
                kind = "Tabel"
            elif isinstance(definition, c.Rule) and isinstance(previous, c.Rule):
                kind = "Regel"
                if not same(previous.body, definition.body):
                    end = window[1] - datetime.timedelta(days=1) if window[1] else None
                    outcome = (RULE, window[0], end)
            if outcome is not None:
                reason, first, last = outcome
                if first == datetime.date.min:
                    first = None
                found.append(Retroactive(label, definition.name, kind, reason, first, last))
    return tuple(found)


# ------------------------------------------------------------------ tests


@attrs.frozen
class TestChange:
    name: str
    status: str  # gewijzigd | toegevoegd | verwijderd
    old: tuple[str, ...]  # `naam = waarde`, as written
    new: tuple[str, ...]

    @property
    def text(self) -> str:
        if self.status == "gewijzigd":
            return f"test \"{self.name}\": verwachting gewijzigd"
        return f"test \"{self.name}\" {self.status}"

    def to_json(self) -> dict[str, Any]:
        return {"test": self.name, "status": self.status, "verwacht_oud": list(self.old),
                "verwacht_nieuw": list(self.new)}


def _expected(test: ir.TestDef) -> tuple[str, ...]:
    out = []
    for assignment in test.expected:
        value = assignment.value
        written = "onbekend" if isinstance(value, ir.Unknown) else (
            "lijst" if isinstance(value, ir.ListValue) else formula(value))
        rounding = f" {assignment.rounding[0]} afgerond op {assignment.rounding[2]}" \
            if assignment.rounding else ""
        out.append(f"{assignment.name}{rounding} = {written}")
    return tuple(out)


def test_changes(old: ir.Module, new: ir.Module) -> tuple[TestChange, ...]:
    """Tests whose expectation changed, and tests that came or went. A test that only gets
    another input (a new input of the rules) and expects the same is not listed."""
    before = {t.name: t for t in old.tests}
    after = {t.name: t for t in new.tests}
    out: list[TestChange] = []
    for name, test in after.items():
        previous = before.get(name)
        if previous is None:
            out.append(TestChange(name, "toegevoegd", (), _expected(test)))
        elif shape(previous.expected) != shape(test.expected):
            out.append(TestChange(name, "gewijzigd", _expected(previous), _expected(test)))
    out += [TestChange(name, "verwijderd", _expected(test), ())
            for name, test in before.items() if name not in after]
    return tuple(out)


# ------------------------------------------------------------------ article texts


@attrs.frozen
class TextChange:
    reference: str
    status: str  # gewijzigd | toegevoegd | verwijderd
    redline: tuple[Rich, ...]  # one per paragraph, words marked as deleted or inserted
    old: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def text(self) -> str:
        return f"artikeltekst [{self.reference}] {self.status}"

    def to_json(self) -> dict[str, Any]:
        words = [[{"soort": {DELETED: "weg", INSERTED: "nieuw"}.get(s.change or "", "gelijk"),
                   "tekst": s.text} for s in paragraph.segs] for paragraph in self.redline]
        return {"verwijzing": self.reference, "status": self.status, "oud": list(self.old),
                "nieuw": list(self.new), "woorden": words}


_WORDS = re.compile(r"\S+\s*")


def word_redline(old: str, new: str) -> Rich:
    """`old` turned into `new`, word by word: deleted words marked `del`, new words `ins`."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    segs: list[Seg] = []
    matcher = difflib.SequenceMatcher(a=[w.strip() for w in a], b=[w.strip() for w in b],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segs.append(Seg("".join(b[j1:j2])))
            continue
        if i2 > i1:
            segs.append(Seg("".join(a[i1:i2]), change=DELETED))
        if j2 > j1:
            segs.append(Seg("".join(b[j1:j2]), change=INSERTED))
    return Rich(tuple(segs))


def text_changes(old: ir.Module, new: ir.Module) -> tuple[TextChange, ...]:
    before = {a.reference.text: a for a in old.articles if a.reference is not None}
    after = {a.reference.text: a for a in new.articles if a.reference is not None}
    out: list[TextChange] = []
    for reference, article in after.items():
        previous = before.get(reference)
        if previous is None:
            out.append(TextChange(reference, "toegevoegd",
                                  tuple(word_redline("", p) for p in article.paragraphs), (),
                                  article.paragraphs))
        elif previous.paragraphs != article.paragraphs:
            # paragraphs matched in order; a paragraph that came or went is wholly marked
            matcher = difflib.SequenceMatcher(a=previous.paragraphs, b=article.paragraphs,
                                              autojunk=False)
            redline: list[Rich] = []
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal":
                    redline += [word_redline(p, p) for p in article.paragraphs[j1:j2]]
                    continue
                olds, news = previous.paragraphs[i1:i2], article.paragraphs[j1:j2]
                for index in range(max(len(olds), len(news))):
                    redline.append(word_redline(olds[index] if index < len(olds) else "",
                                                news[index] if index < len(news) else ""))
            out.append(TextChange(reference, "gewijzigd", tuple(redline), previous.paragraphs,
                                  article.paragraphs))
    out += [TextChange(reference, "verwijderd",
                       tuple(word_redline(p, "") for p in article.paragraphs), article.paragraphs,
                       ()) for reference, article in before.items() if reference not in after]
    return tuple(out)
