"""Seminar findings recorded by editors per region or pilot territory, and their priority SDGs."""
