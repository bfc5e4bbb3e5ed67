"""The channel-agnostic core: the engine (question → reply) and the dialogue (messages, taps → replies)."""
