"""sdgdash.features.map."""
