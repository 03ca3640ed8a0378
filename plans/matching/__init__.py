"""Suggestions for the alignment review: which LAO projects and agency missions could take
up a council's plan item, ranked by Thai text similarity and what the domain knows.

  text.py      normalising, newmm word segmentation with the field's lexicon, villages
  rank.py      the ranking (pure functions over plain data) and the plain TF-IDF baseline
  quality.py   top-1, top-3 and abstention on a labelled set
  lexicon_th.txt  the field's synonyms and stopwords
"""

from .quality import Quality, measure
from .rank import (
    CONFIDENCE_LINE,
    MISSION,
    PROJECT,
    Area,
    CandidateDoc,
    Context,
    ItemDoc,
    Suggestion,
    baseline_suggest,
    suggest,
)

__all__ = [
    "CONFIDENCE_LINE",
    "MISSION",
    "PROJECT",
    "Area",
    "CandidateDoc",
    "Context",
    "ItemDoc",
    "Quality",
    "Suggestion",
    "baseline_suggest",
    "measure",
    "suggest",
]
