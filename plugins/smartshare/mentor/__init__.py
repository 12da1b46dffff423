"""`smartshare/mentor`: the mentor area, a part of the site under its own path for the web server to protect."""
