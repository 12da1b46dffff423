"""`smartshare/certificate`: a certificate of completion on each track page, printed from the learner's browser."""
