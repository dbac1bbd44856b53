"""One package per feature: pure view models and figures, and the feature's Streamlit widgets."""
