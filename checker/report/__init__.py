"""Reports: Markdown for people, JSON (version 1) for tools."""
