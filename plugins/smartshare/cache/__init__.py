"""`smartshare/cache`: each page's Markdown rendered once, kept across builds by content hash."""
