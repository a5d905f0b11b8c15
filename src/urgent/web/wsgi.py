import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "urgent.web.settings")
django_application = get_wsgi_application()

from urgent.web.site.early import EarlyPublicPages  # noqa: E402  (settings first)

# Anonymous visitors' public pages from memory when the full chain would give the same answer.
application = EarlyPublicPages(django_application)
