from mkdocs.config import base
from mkdocs.config import config_options as c


class CertificateConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Offer a printable certificate on each track page once the learner has done every module's self-check.
    Everything happens in the browser: the name typed is kept there, nothing is sent."""
