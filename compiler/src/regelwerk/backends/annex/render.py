"""Rendering through jinja2 templates, with autoescaping on for both targets.

HTML: jinja2's own escaping. Markdown: a `finalize` hook escapes every value a template prints for
Markdown and for the HTML a Markdown renderer lets through (`<`, `&`), so text from the rules never
becomes markup in either. Both hooks also keep a label on its line (`regelwerk.lines`): only `\n`
breaks a line, and characters that HTML5 forbids become U+FFFD. Template text itself is trusted; values never are.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from regelwerk.lines import one_line, safe_text, split_lines

# Characters with a meaning in CommonMark or GFM anywhere in a line.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~#])")
# At the start of a line: list items, block quotes, headings, setext underlines, ordered lists.
_MARKDOWN_LINE_START = re.compile(r"^(\s*)(>|[-+](?=\s|$)|=(?==*\s*$)|\d{1,9}[.)](?=\s|$))")


def markdown_escape(text: str) -> str:
    """Text that renders as itself in Markdown: `a_b *c* <d>` -> `a\\_b \\*c\\* &lt;d&gt;`."""
    text = one_line(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    match = _MARKDOWN_LINE_START.match(text)
    if match is not None:
        marker = match.group(2)
        if marker[-1] in ".)":
            marker = marker[:-1] + "\\" + marker[-1]
        else:
            marker = "\\" + marker
        text = match.group(1) + marker + text[match.end():]
    return text


def markdown_code(text: str) -> Markup:
    """A code span that holds any text: the fence is longer than any run of backticks inside."""
    text = one_line(str(text))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") or longest else text
    return Markup(f"{fence}{padded}{fence}")


def css_string(text: object) -> Markup:
    """Text for inside a CSS string ("..."): every character but letters, digits and a few safe
    ones as a six-digit CSS escape, so nothing can close the string, the rule or the <style>."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.:-")
    # CSS consumes one white space after an escape, even a six-digit one: always write it.
    return Markup("".join(c if c in safe else f"\\{ord(c):06x} " for c in str(text)))


def _finalize_markdown(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return Markup(markdown_escape(str(value)))


def _finalize_html(value: Any) -> Any:
    return safe_text(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _loader() -> jinja2.BaseLoader:
    return jinja2.ChoiceLoader([
        jinja2.PackageLoader("regelwerk.backends.annex", "templates"),
        jinja2.PackageLoader("regelwerk.diff", "templates"),
    ])


def _kind(value: object) -> str:
    """The class of a document block, for the templates: Paragraph, Table, ..."""
    return type(value).__name__


@cache
def html_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=_loader(), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        finalize=_finalize_html,
    )
    environment.filters["kind"] = _kind
    environment.filters["css_string"] = css_string
    return environment


@cache
def markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=_loader(), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        finalize=_finalize_markdown,
    )
    environment.filters["code"] = markdown_code
    environment.filters["kind"] = _kind
    return environment


def render_template(name: str, **context: Any) -> str:
    environment = markdown_environment() if name.endswith(".md.j2") else html_environment()
    text = environment.get_template(name).render(**context)
    # One canonical form: no trailing spaces, one newline at the end, at most one blank line.
    lines = [line.rstrip() for line in split_lines(text)]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"
