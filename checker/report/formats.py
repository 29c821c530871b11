"""The reports `--format` can print on standard output (report/outputs.py renders each).

A module of its own, importing nothing: the CLI's argument parser reads it, and
`factcheck --help` loads no report writer.
"""

FORMATS = ("markdown", "html", "json", "sarif", "github", "concise")
