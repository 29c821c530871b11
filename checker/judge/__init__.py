"""Judge: claim groups + rules → findings (conflicts, agreements, single sources)."""
