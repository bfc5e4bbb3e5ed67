"""The YAML + jinja2 side: loading and cross-checking the knowledge folder, rendering answers and messages."""
