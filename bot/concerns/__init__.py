"""Forwarding concerns to the office: the concern flow, the durable outbox and its e-mail sender."""
