"""Session-wide fixtures. Kept minimal: the seeds site is defined in site_fixture.py and
re-exported here so that every browser test module shares one build."""

from site_fixture import seeds_site

__all__ = ["seeds_site"]
