"""The indicator map: one selection and year on the map of regions, and what cannot be drawn."""
