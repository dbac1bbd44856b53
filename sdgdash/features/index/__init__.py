"""sdgdash.features.index."""
