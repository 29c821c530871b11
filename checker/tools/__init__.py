"""Tools beside the pipeline: scoring against gold, benchmarks, rule self-tests."""
