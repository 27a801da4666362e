"""MkDocs plugins: thin adapters from MkDocs events to the ``evidence`` content model."""
