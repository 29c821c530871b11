"""Per-article work on every core: compact data in and out, a pool that keeps input order."""
