"""Production settings as bench/load.py and bench/faults.py run them: everything from
config.settings.production, except what only makes sense behind the TLS proxy. On
loopback there is no proxy, so cookies marked Secure would never be sent back and the
HTTPS redirect would loop; both are turned off here and nowhere else.
"""

from config.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
