"""sdgdash.features.findings."""
