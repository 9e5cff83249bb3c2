"""One module per command: ``run(args) -> int`` (see ``matryoshka.cli``)."""
