"""The Telegram channel on python-telegram-bot: application, handlers, office commands, HTML formatting."""
