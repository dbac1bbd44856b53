"""The region brief: a model of its sections and writers for DOCX and PDF (pure, offline)."""
