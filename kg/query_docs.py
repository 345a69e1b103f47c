"""The README's table of stored queries, generated from their headers (``python -m kg.query_docs --readme``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kg.queries import Param, StoredQuery, load_queries


def _param_text(p: Param) -> str:
    bits = [p.type, "required" if p.required else "optional"]
    if p.default is not None:
        bits.append(f"default {p.default}")
    return f"`{p.name}` ({', '.join(bits)})"


def markdown_table(queries: Mapping[str, StoredQuery] | None = None) -> str:
    """The README's table of stored queries, generated from their headers."""
    queries = load_queries() if queries is None else queries
    lines = ["| query | form | what it answers | parameters |", "|---|---|---|---|"]
    for q in queries.values():
        params = "<br>".join(_param_text(p) for p in q.params) or "–"
        stop = "" if q.title[-1:] in ".?!" else "."
        what = f"**{q.title}**{stop} {q.description}".replace("|", "\\|")
        lines.append(f"| `{q.name}` | {q.form} | {what} | {params} |")
    return "\n".join(lines) + "\n"


README_START, README_END = "<!-- queries:start -->", "<!-- queries:end -->"


def readme_section(readme: str) -> str:
    """The text between the README's ``queries:start`` and ``queries:end`` markers."""
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return readme[start:end]


def main(argv: list[str] | None = None) -> None:
    """``python -m kg.query_docs --readme`` prints the table; ``--readme FILE`` rewrites the table in FILE."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["--readme"]:
        print("usage: python -m kg.query_docs --readme [README.md]", file=sys.stderr)
        raise SystemExit(2)
    table = markdown_table()
    if len(args) == 1:
        print(table, end="")
        return
    path = Path(args[1])
    text = path.read_text(encoding="utf-8")
    section = readme_section(text)
    marker = "<!-- queries:table:end -->"
    rest = section[section.index(marker):] if marker in section else marker + "\n"
    new = f"\n<!-- queries:table:start -->\n{table}{rest}"
    path.write_text(text.replace(section, new, 1), encoding="utf-8")


if __name__ == "__main__":
    main()
