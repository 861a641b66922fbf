"""Pass: the law beside the rules (RW506, RW507, RW508). A reference to an article whose text the file
holds must name a part the text has, and every article text must be cited by some definition:
a text no rule cites is either not encoded yet or cited under another spelling."""

from __future__ import annotations

from regelwerk.check.context import Context
from regelwerk.diagnostics import Diagnostic, error, warning
from regelwerk.ir import articles
from regelwerk.ir import nodes as ir


def check_articles(module: ir.Module, context: Context) -> list[Diagnostic]:
    if not module.articles:
        return []
    diagnostics: list[Diagnostic] = []
    seen: dict[str, ir.ArticleText] = {}
    for article in module.articles:
        if article.reference is None:
            continue
        key = articles.normal(article.reference.text)
        if key in seen:
            first = seen[key].span
            diagnostics.append(error(
                "RW508", f"de tekst van {article.reference.text} staat twee keer in het bestand "
                f"(eerst op regel {first.line})", article.span,
                "houd één tekst per artikel; een andere versie van de tekst hoort in een andere "
                "versie van de regeling (regelwerk diff toont het verschil)"))
        seen.setdefault(key, article)
    cited: set[int] = set()
    shapes = {id(a): articles.structure(a) for a in module.articles}
    for definition in module.definitions:
        for reference in articles.references_of(definition):
            found = articles.article_of(reference.text, module.articles)
            if found is None or found.reference is None:
                continue
            cited.add(id(found))
            parts = articles.cited_parts(reference.text, found.reference.text)
            if parts is None:
                continue
            missing = articles.missing_parts(parts, shapes[id(found)], found.partial is not None)
            if missing:
                diagnostics.append(warning(
                    "RW506",
                    f"[{reference.text}] noemt {', '.join(missing)}, maar de tekst van "
                    f"{found.reference.text} in dit bestand heeft dat niet",
                    reference.span,
                    "verbeter de verwijzing, of vul de artikeltekst aan (een lid dat de bron niet "
                    "citeert schrijf je als '> 3. […]')"))
    for article in seen.values():  # a second text of one article is RW508's business
        if id(article) not in cited and article.reference is not None:
            diagnostics.append(warning(
                "RW507",
                f"geen enkele definitie verwijst naar de tekst van {article.reference.text}",
                article.span,
                f"verwijs vanuit de regel die het artikel uitvoert naar [{article.reference.text}] "
                "of een lid ervan, of laat de tekst weg"))
    return diagnostics
