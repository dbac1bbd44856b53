"""sdgdash.data."""
