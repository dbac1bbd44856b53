"""The seminar deck: views collected from any page, stepped through full screen, saved as JSON and
exported to PowerPoint (model.py, document.py, pptx.py)."""
