"""One goal's page: its indicators' progress status (Open SDG method), coverage and equity gaps."""
