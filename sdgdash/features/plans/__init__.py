"""Regional plan targets: input checks, the actual-vs-plan rule and the status tables (pure)."""
