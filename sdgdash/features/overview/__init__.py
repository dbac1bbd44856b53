"""The landing page: the 17 goals, what data exists, a featured indicator on the map, events."""
