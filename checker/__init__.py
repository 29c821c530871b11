"""Fact-consistency checker for news: where do outlets disagree on one story?"""

__version__ = "0.1.0"
