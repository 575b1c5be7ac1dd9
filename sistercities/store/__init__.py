"""The data folder on disk: atomic versioned writes, file operations, updates."""
