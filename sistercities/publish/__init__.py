"""The static public edition: ``python -m sistercities publish --out DIR`` (issue #15).

``views`` builds each page from the same figure builders as the app and the deck, ``render``
turns pages into phone-first HTML, ``site`` writes the whole site atomically.
"""
