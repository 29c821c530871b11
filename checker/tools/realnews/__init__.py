"""Pair-level scoring on the real-news corpus (benchmarks/realnews): `factcheck eval --realnews`."""
