"""Developer tools: one-off data builders (not used by the running app)."""
