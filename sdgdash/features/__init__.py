"""One package per feature of the dashboard: its view model, charts and widgets together."""
