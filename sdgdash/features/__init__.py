"""sdgdash.features."""
