"""`smartshare/intranet`: publish a site that never leaves the intranet — git dates, reproducible builds,
link checking with line numbers, and an offline edition that works from `file://`."""
