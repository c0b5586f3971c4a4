"""Production settings (`config.settings`, DEBUG off) for the benchmark's server, with two changes:
the URLconf adds the bare DRF view, and throttling is off. Fifty connections from one address would be
throttled within a second; with it off, neither the bare view (the `anon` scope) nor the availability
endpoint (`availability`) pays for the cache round trips a throttle makes, so the ratio compares the
views' own work."""

from config.settings import *  # noqa: F403
from config.settings import THROTTLE_RATES

ROOT_URLCONF = "bench_http.urls"
THROTTLE_RATES = {scope: "" for scope in THROTTLE_RATES}
