"""sdgdash.features.region."""
