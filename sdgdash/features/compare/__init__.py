"""sdgdash.features.compare."""
