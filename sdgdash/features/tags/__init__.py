"""Problem tags (household waste, electricity, heating, ...): their targets, indicators and events."""
