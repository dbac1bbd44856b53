"""Pilot territories (GLocal): where they are, their region's context and their local data."""
