"""sdgdash.features.goal."""
