"""How good the suggestions are on a labelled set: top-1, top-3 and abstention."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Quality:
    matched: int  # items with a gold candidate
    unmatched: int  # items with none
    top1: float  # share of matched items whose gold is first (and above the line)
    top3: float  # share of matched items whose gold is among the first three
    abstention: float  # share of unmatched items with no suggestion above the line

    def line(self, label: str) -> str:
        return (
            f"{label:<28} top-1 {self.top1:6.1%}  top-3 {self.top3:6.1%}  "
            f"abstention {self.abstention:6.1%}  (matched {self.matched}, without match {self.unmatched})"
        )


def measure(ranked: dict[int, list[tuple[str, float]]], gold: dict[int, str | None], line: float) -> Quality:
    """``ranked``: {item key: [("project:12", score), ...] best first}; ``gold``: {item key:
    "project:12" or None}. A gold counts in top-1/top-3 wherever it is ranked (the page
    shows three); abstention counts unmatched items whose best score stays below ``line``."""
    matched = [k for k, g in gold.items() if g]
    unmatched = [k for k, g in gold.items() if not g]
    top1 = sum(1 for k in matched if ranked.get(k) and ranked[k][0][0] == gold[k])
    top3 = sum(1 for k in matched if gold[k] in [c for c, _s in ranked.get(k, [])[:3]])
    abstain = sum(1 for k in unmatched if not ranked.get(k) or ranked[k][0][1] < line)
    return Quality(
        matched=len(matched),
        unmatched=len(unmatched),
        top1=top1 / len(matched) if matched else 0.0,
        top3=top3 / len(matched) if matched else 0.0,
        abstention=abstain / len(unmatched) if unmatched else 1.0,
    )
