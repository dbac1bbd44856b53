"""sdgdash.features.tags."""
