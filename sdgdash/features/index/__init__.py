"""The regional SDG index (SDSN method applied to regions): scores, goal scores, ranking."""
