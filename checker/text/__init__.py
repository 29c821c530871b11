"""Text handling: normalization, tokens, sentences and numbers."""
