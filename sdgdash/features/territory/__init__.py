"""sdgdash.features.territory."""
