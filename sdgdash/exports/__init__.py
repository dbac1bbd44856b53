"""What a view shows, as files: CSV and Excel with a metadata sheet."""
