"""briefing: turn scraped policy articles into schema-checked YAML and a MkDocs site.

The pipeline flows one way, one module per stage:
ingest -> extract -> record (YAML, validated) -> digest -> charts -> pages -> plugin.
"""

__version__ = "0.1.0"
