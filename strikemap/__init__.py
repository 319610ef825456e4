"""Kyiv Strike Map: air strikes on Kyiv extracted from news articles, placed and merged.

The pipeline stages are modules: read, extract, geocode, cluster, export.
"""

__version__ = "0.1.0"
