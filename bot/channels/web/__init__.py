"""The web channel: a chat page and widget for the school website, and the office dashboard."""
