"""kg's benchmark harness: ``python -m bench [--quick]`` (docs/benchmarks.md says what it measures)."""
