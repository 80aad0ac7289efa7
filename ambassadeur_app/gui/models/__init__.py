"""Qt models over the services."""
