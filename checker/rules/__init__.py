"""The rule engine: load rule files, then judge claim groups with them."""
