"""sdgdash.geo."""
