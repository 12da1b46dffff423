"""`smartshare/handouts`: printable PDF handouts per module and per track, and one-page mentor sheets."""
