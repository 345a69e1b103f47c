"""A SHACL engine on SPARQL: shapes compiled into SELECT queries that pyoxigraph runs (docs/benchmarks.md).

:func:`kg.shacl.compile.compile_shapes` reads any shapes graph (SHACL Core but ``sh:closed`` and
``sh:uniqueLang``, plus SHACL-SPARQL ``sh:select`` constraints) and raises
:class:`~kg.errors.ShapesUnsupported` on anything else; :func:`kg.shacl.run.run` runs the checks on a
pyoxigraph store; :func:`kg.shacl.report.report_graph` writes the sh:ValidationReport pySHACL would write.
pySHACL stays the reference: tests/test_shacl_engine.py feeds the same data to both and compares the results.
"""

from kg.shacl.compile import Check, Program, compile_shapes
from kg.shacl.report import report_graph
from kg.shacl.run import Found, dataset, run

__all__ = ["Check", "Found", "Program", "compile_shapes", "dataset", "report_graph", "run"]
