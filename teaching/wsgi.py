import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teaching.settings")
application = get_wsgi_application()

# What starting made (modules, models, settings: some 65,000 objects) lives as long as the process. Frozen, it is
# out of the garbage collector's way: a full collection walks only what requests made. Measured on the reading
# view with 200 highlights, one full collection every ~200 requests: 31-60 ms without, 1.3-5.5 ms with.
gc.freeze()
