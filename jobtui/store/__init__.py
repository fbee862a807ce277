"""jobtui's files on disk: where they live (paths), the user's config.toml and its schema,
the app's watchlist.toml, state cache and preferences, with the atomic writes and
locking that let several processes share them. It imports only jobtui.domain, never
textual.
"""
