"""sdgdash.features.deck."""
