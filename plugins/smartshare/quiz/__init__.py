"""Self-check quizzes: the `/// quiz` Markdown block, its checks, and the `smartshare/quiz` MkDocs plugin."""
