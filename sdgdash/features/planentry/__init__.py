"""Entering regional plan targets: the editor's form, file upload and versions."""
