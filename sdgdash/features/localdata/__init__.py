"""sdgdash.features.localdata."""
