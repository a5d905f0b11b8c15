"""The storage and web layer around the core: Django 5.2 (ORM, admin, auth, i18n, feeds)."""
