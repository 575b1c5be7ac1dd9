"""The data contract: schema, dates, reading, checks, validation, locations."""
