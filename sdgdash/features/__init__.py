"""One folder per feature: view.py (pure: selection -> view model), charts.py (pure figures),
slides.py (pure: view -> deck slides), ui.py (the feature's Streamlit widgets)."""
