"""`smartshare/feedback`: feedback links on module pages, `/// mentor` notes and the mentor view."""
