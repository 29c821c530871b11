"""Bounds on what one article may cost, so that a huge or odd input costs only
itself: past a bound, the article (or its extra claims) is left out and said to
be, and the others are still checked.
"""

from __future__ import annotations

# 1 MiB: a long feature is under 100 KB; far larger is a dump or a mistake
# that would take minutes to read (--max-article-size).
MAX_ARTICLE_BYTES = 1024 * 1024

# Seed articles give 20 to 40 claims; 10,000 is a list of figures, not a story
# (--max-claims).
MAX_CLAIMS = 10_000

# A sentence longer than this is cut into pieces at spaces (text without
# punctuation would otherwise be one "sentence", quoted whole by every claim).
# Real sentences of the seeds and test stories stay under 700 characters.
MAX_SENTENCE_CHARS = 1_000

# The largest figure compared: 10^100. No news figure comes near (the world's output is
# about 10^14 dollars); past it a figure is not checked and said to be, which keeps every
# later product (a scale word, a currency rate) far from what a float holds (10^308).
MAX_FIGURE = 1e100
