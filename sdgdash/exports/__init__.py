"""sdgdash.exports."""
