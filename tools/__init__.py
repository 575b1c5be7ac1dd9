"""Developer tools, not used by the running app.

One-off data builders, and serving.py: the helper that starts the dashboard for the tests and
the benchmarks.
"""
