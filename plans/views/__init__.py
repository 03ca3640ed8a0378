"""The plans app's pages, one module per part:

  alignment.py   the district's alignment review
"""
