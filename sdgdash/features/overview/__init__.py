"""sdgdash.features.overview."""
