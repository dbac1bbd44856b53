"""Compare 2 to 4 regions: values and ranks side by side, goal scores, one indicator over time."""
