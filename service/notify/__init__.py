"""Notifications: channel adapters, messages, the outbox relay and acknowledgement links."""
