"""The server the availability benchmark measures over HTTP (`benchmarks/availability.py`): production
settings and URLs plus a bare DRF view, never mounted in production."""
