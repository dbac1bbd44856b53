"""A region's profile: every headline indicator's latest value, rank and national value."""
