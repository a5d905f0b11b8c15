"""`urgent search`: ranked full-text search over cases and documents."""
