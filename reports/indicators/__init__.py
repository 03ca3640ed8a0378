"""Monitoring indicators (ตัวชี้วัด): a catalogue kept by CODI staff, targets and values per
``Period`` and area, entered by council staff and district officers, approved up the chain,
rolled up council → district → province → national, and computed from the portal's own
records where the indicator says so. Not the assessment's criteria
(``councils.models.Indicator``, the rows of an IndicatorSet): a different concept."""
